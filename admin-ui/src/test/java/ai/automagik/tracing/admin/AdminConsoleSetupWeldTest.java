package ai.automagik.tracing.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console's path is read when the application starts, under Weld SE with real MicroProfile Config. */
class AdminConsoleSetupWeldTest {

    @AfterEach
    void clear() {
        System.clearProperty(AdminPath.KEY);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    private static WeldContainer boot() {
        return new Weld().disableDiscovery().addBeanClasses(AdminConsoleSetup.class).initialize();
    }

    @Test
    void anInvalidPathFailsTheStartNamingTheKey() {
        for (String invalid : new String[] {"../x", "a/../../etc", "ops tracing", "x\r\ny"}) {
            System.setProperty(AdminPath.KEY, invalid);
            ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
            assertThatThrownBy(AdminConsoleSetupWeldTest::boot).as(invalid).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("AUTOMAGIK_ADMIN_PATH").hasMessageContaining(AdminPath.KEY)
                    .hasMessageContaining("lower-case letters, digits and '-'")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r"));
        }
    }

    @Test
    void aValidPathStartsAndIsUsed() {
        System.setProperty(AdminPath.KEY, "/ops/tracing/");
        try (WeldContainer weld = boot()) {
            assertThat(weld.select(AdminConsoleSetup.class).get().path().dashboard()).isEqualTo("ops/tracing");
        }
    }
}
