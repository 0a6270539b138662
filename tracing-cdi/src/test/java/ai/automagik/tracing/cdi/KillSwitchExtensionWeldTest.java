package ai.automagik.tracing.cdi;

import ai.automagik.tracing.TracedAgent;
import ai.automagik.tracing.TracedCommand;
import ai.automagik.tracing.TracedTool;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.cdi.beans.MainAgent;
import ai.automagik.tracing.cdi.beans.ResearchTool;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.enterprise.inject.spi.Interceptor;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The kill switch leaves the tracing interceptors out of the container; without it they are installed. */
class KillSwitchExtensionWeldTest {

    @TempDir
    Path home;

    private WeldContainer weld;
    private Map<String, String> properties = Map.of();

    private WeldContainer boot(boolean killSwitch) {
        properties = Map.of(
                "automagik.home", home.toString(),
                "automagik.enable.tracing.in.ci", "true",
                "automagik.telemetry.endpoint", "http://127.0.0.1:9/v1/traces",
                "automagik.disable.all.tracing", Boolean.toString(killSwitch));
        properties.forEach(System::setProperty);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
        weld = new Weld().initialize();
        return weld;
    }

    @AfterEach
    void stop() {
        if (weld != null) {
            weld.shutdown();
        }
        properties.keySet().forEach(System::clearProperty);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    private static List<Class<?>> interceptorsFor(BeanManager beans, Annotation binding) {
        return beans.resolveInterceptors(InterceptionType.AROUND_INVOKE, binding).stream()
                .<Class<?>>map(Interceptor::getBeanClass).toList();
    }

    private static Annotation binding(Class<?> type, String method, Class<? extends Annotation> annotation,
            Class<?>... parameters) throws NoSuchMethodException {
        return type.getMethod(method, parameters).getAnnotation(annotation);
    }

    @Test
    void withTheKillSwitchNoTracingInterceptorIsInstalledAndBeansStillWork() throws Exception {
        BeanManager beans = boot(true).getBeanManager();
        assertThat(interceptorsFor(beans, binding(MainAgent.class, "run", TracedAgent.class, String.class))).isEmpty();
        assertThat(interceptorsFor(beans, ResearchTool.class.getAnnotation(TracedTool.class))).isEmpty();
        assertThat(interceptorsFor(beans, binding(MainAgent.class, "deploy", TracedCommand.class))).isEmpty();
        RequestContextController request = weld.select(RequestContextController.class).get();
        request.activate();
        try {
            assertThat(weld.select(MainAgent.class).get().run("hello")).isNotBlank();
        } finally {
            request.deactivate();
        }
        assertThat(weld.select(TracingManager.class).get().metrics().tracer().queued()).isZero();
    }

    @Test
    void withoutItTheInterceptorsAreInstalled() throws Exception {
        BeanManager beans = boot(false).getBeanManager();
        assertThat(interceptorsFor(beans, binding(MainAgent.class, "run", TracedAgent.class, String.class)))
                .containsExactly(AgentInterceptor.class);
        assertThat(interceptorsFor(beans, ResearchTool.class.getAnnotation(TracedTool.class))).containsExactly(ToolInterceptor.class);
        assertThat(interceptorsFor(beans, binding(MainAgent.class, "deploy", TracedCommand.class)))
                .containsExactly(CommandInterceptor.class);
    }
}
