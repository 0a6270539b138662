package ai.automagik.tracing.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture's boundaries (docs/ARCHITECTURE.md) as ArchUnit rules, shared by every module's tests. Code
 * outside the core may use only the public packages: the API, its SPI, the diagnostics view, the LangChain4j
 * integration, and the other modules' own packages.
 */
public final class Boundaries {

    /** The core's implementation packages, which only the core itself may name. */
    public static final String[] IMPLEMENTATION = {"ai.automagik.tracing.cdi..", "ai.automagik.tracing.config..",
        "ai.automagik.tracing.conventions..", "ai.automagik.tracing.cost..", "ai.automagik.tracing.export..",
        "ai.automagik.tracing.metrics..",
        "ai.automagik.tracing.otel..", "ai.automagik.tracing.otlp..", "ai.automagik.tracing.privacy..",
        "ai.automagik.tracing.provider..", "ai.automagik.tracing.runtime..", "ai.automagik.tracing.sampling..",
        "ai.automagik.tracing.telemetry..", "ai.automagik.tracing.trace.."};

    private Boundaries() {
    }

    /** The production classes of the module under test (its {@code target/classes}). */
    public static JavaClasses mainClasses(String... packages) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(packages);
    }

    /**
     * Asserts that the module whose classes live in {@code modulePackage} names no implementation package of the core,
     * after checking that its production classes were read at all ({@code oneOfItsClasses} among them): a rule over
     * no classes would pass whatever the code does.
     */
    public static void assertUsesOnlyThePublicPackagesOfTheCore(String modulePackage, Class<?> oneOfItsClasses) {
        JavaClasses module = mainClasses(modulePackage);
        assertThat(module.contain(oneOfItsClasses)).as("%s read from the module's classes", oneOfItsClasses.getName())
                .isTrue();
        EvaluationResult result = onlyThePublicPackagesOfTheCore(modulePackage).evaluate(module);
        assertThat(result.getFailureReport().getDetails()).as("dependencies on the core's implementation packages")
                .isEmpty();
    }

    /** For modules outside the core: nothing of theirs names an implementation package of the core. */
    public static ArchRule onlyThePublicPackagesOfTheCore(String modulePackage) {
        return noClasses().that().resideInAPackage(modulePackage + "..").should().dependOnClassesThat()
                .resideInAnyPackage(IMPLEMENTATION)
                .because("other modules use only the public packages docs/ARCHITECTURE.md names");
    }
}
