package ai.automagik.tracing.jaxrs;

import ai.automagik.tracing.testing.Boundaries;
import org.junit.jupiter.api.Test;

/** This module uses only the core's public packages (docs/ARCHITECTURE.md). */
class ArchitectureTest {

    @Test
    void onlyThePublicPackagesOfTheCoreAreUsed() {
        Boundaries.onlyThePublicPackagesOfTheCore("ai.automagik.tracing.jaxrs").check(Boundaries.mainClasses("ai.automagik.tracing.jaxrs"));
    }
}
