package ai.automagik.tracing.admin;

import ai.automagik.tracing.testing.Boundaries;
import org.junit.jupiter.api.Test;

/** This module uses only the core's public packages (docs/ARCHITECTURE.md). */
class ArchitectureTest {

    @Test
    void onlyThePublicPackagesOfTheCoreAreUsed() {
        Boundaries.assertUsesOnlyThePublicPackagesOfTheCore("ai.automagik.tracing.admin", DashboardView.class);
    }
}
