package ai.automagik.tracing.architecture;

import ai.automagik.tracing.testing.Boundaries;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The core's boundaries as docs/ARCHITECTURE.md draws them; each rule fails when a change crosses one. */
class ArchitectureTest {

    private static final JavaClasses CORE = Boundaries.mainClasses("ai.automagik.tracing");

    @Test
    void thePublicApiImportsNothingButItsSpi() {
        classes().that().resideInAPackage("ai.automagik.tracing").should().onlyDependOnClassesThat()
                .resideInAnyPackage("ai.automagik.tracing", "ai.automagik.tracing.spi", "java..", "jakarta.enterprise.util..",
                        "jakarta.interceptor..")
                .because("applications see a small API that names no implementation class").check(CORE);
    }

    @Test
    void theSpiAndTheDiagnosticsViewDependOnlyOnTheApi() {
        classes().that().resideInAPackage("ai.automagik.tracing.spi").should().onlyDependOnClassesThat()
                .resideInAnyPackage("ai.automagik.tracing", "ai.automagik.tracing.spi", "java..").check(CORE);
        classes().that().resideInAPackage("ai.automagik.tracing.diagnostics").should().onlyDependOnClassesThat()
                .resideInAnyPackage("ai.automagik.tracing", "ai.automagik.tracing.diagnostics", "java..").check(CORE);
    }

    @Test
    void theLangChain4jIntegrationUsesOnlyThePublicApi() {
        classes().that().resideInAPackage("ai.automagik.tracing.langchain4j").should().onlyDependOnClassesThat()
                .resideInAnyPackage("ai.automagik.tracing", "ai.automagik.tracing.langchain4j", "dev.langchain4j..",
                        "jakarta.enterprise..", "jakarta.inject..", "jakarta.json..", "java..").check(CORE);
    }

    @Test
    void theOtherModulesRuleCatchesACrossing() {
        // the rule every other module's ArchitectureTest applies, here to a package that does name the implementation
        com.tngtech.archunit.lang.EvaluationResult crossing = Boundaries
                .onlyThePublicPackagesOfTheCore("ai.automagik.tracing.cdi").evaluate(CORE);
        org.assertj.core.api.Assertions.assertThat(crossing.getFailureReport().getDetails())
                .anySatisfy(line -> org.assertj.core.api.Assertions.assertThat(line).contains("ai.automagik.tracing.cdi")
                        .contains("ai.automagik.tracing.runtime"));
    }

    @Test
    void implementationPackagesFormNoCycle() {
        slices().matching("ai.automagik.tracing.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void spanRecordingKnowsNoVendorNoTelemetrySchemaAndNoExport() {
        classes().that().resideInAPackage("ai.automagik.tracing.trace").should().onlyDependOnClassesThat()
                .resideInAnyPackage("ai.automagik.tracing", "ai.automagik.tracing.spi", "ai.automagik.tracing.trace",
                        "ai.automagik.tracing.otlp", "java..")
                .because("a span only records; what its end means is its processors' business").check(CORE);
    }

    @Test
    void vendorKeysLiveInTheirProviderOnly() throws java.io.IOException {
        java.nio.file.Path sources = java.nio.file.Path.of("src/main/java/ai/automagik/tracing");
        try (var files = java.nio.file.Files.walk(sources)) {
            java.util.List<java.nio.file.Path> naming = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(sources.resolve("provider")))
                    .filter(f -> SPAN_KEY.matcher(read(f)).find()).toList();
            org.assertj.core.api.Assertions.assertThat(naming).as("LangWatch's keys outside its provider").isEmpty();
        }
    }

    /** A LangWatch span attribute (its configuration keys, langwatch.api.key and langwatch.endpoint, are settings). */
    private static final java.util.regex.Pattern SPAN_KEY =
            java.util.regex.Pattern.compile("\"langwatch\\.(input|output|thread|user|span)");

    private static String read(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
