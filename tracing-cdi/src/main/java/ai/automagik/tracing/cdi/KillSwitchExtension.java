package ai.automagik.tracing.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.interceptor.Interceptor;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * With {@code AUTOMAGIK_DISABLE_ALL_TRACING=true} the tracing interceptors are not installed at all, so a
 * method with {@code @TracedAgent}, {@code @TracedTool} or {@code @TracedCommand} costs what it costs
 * without the binding (a container's interception alone costs more than a hundred nanoseconds and an
 * invocation context per call). The kill switch is read once at start-up and nothing switches tracing back
 * on while the application runs; every other opt-out can change at runtime (the files, the console's toggle)
 * and is checked by the interceptors on each call. A configuration that cannot be read vetoes nothing:
 * {@link TracingRuntime} then reports it and fails the deployment.
 */
public class KillSwitchExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(KillSwitchExtension.class.getName());
    private static final Set<Class<?>> TRACING_INTERCEPTORS = Set.of(AgentInterceptor.class, ToolInterceptor.class,
            CommandInterceptor.class);

    private Boolean killSwitch;

    void leaveInterceptorsOut(@Observes @WithAnnotations(Interceptor.class) ProcessAnnotatedType<?> event) {
        if (TRACING_INTERCEPTORS.contains(event.getAnnotatedType().getJavaClass()) && killSwitch()) {
            event.veto();
        }
    }

    private boolean killSwitch() {
        if (killSwitch == null) {
            try {
                killSwitch = MicroProfileConfigLookup.read(Thread.currentThread().getContextClassLoader())
                        .disableAllTracing();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Tracing configuration not readable while the container starts", e);
                killSwitch = false;
            }
            if (killSwitch) {
                LOG.info("Automagik Tracing is disabled (AUTOMAGIK_DISABLE_ALL_TRACING=true): its interceptors are not installed");
            }
        }
        return killSwitch;
    }
}
