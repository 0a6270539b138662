package ai.automagik.tracing.otel;

import ai.automagik.tracing.Scope;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.trace.ContextBridge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link ContextBridge} to OpenTelemetry's API (MicroProfile Telemetry, the OpenTelemetry agent or an
 * SDK the application set up): reads {@link Span#current()} and makes our spans current in OpenTelemetry's
 * {@link Context}. Loaded only when the OpenTelemetry API is visible to the application
 * ({@link #detect(ClassLoader)}), so nothing changes without it.
 */
public final class OpenTelemetryBridge implements ContextBridge {

    private static final Logger LOG = Logger.getLogger(OpenTelemetryBridge.class.getName());
    private static final String API_CLASS = "io.opentelemetry.api.trace.Span";

    /**
     * The bridge when the OpenTelemetry API is visible where this library was loaded (on Open Liberty: the
     * {@code mpTelemetry} feature and the application's {@code +third-party} API visibility), else
     * {@link ContextBridge#NONE}.
     */
    public static ContextBridge detect() {
        try {
            Class.forName(API_CLASS, false, OpenTelemetryBridge.class.getClassLoader());
            ContextBridge bridge = new OpenTelemetryBridge();
            bridge.activeParent();
            LOG.fine("OpenTelemetry API found: spans join OpenTelemetry's current context");
            return bridge;
        } catch (ClassNotFoundException | LinkageError e) {
            return ContextBridge.NONE;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "OpenTelemetry API present but not usable; spans stay on their own", e);
            return ContextBridge.NONE;
        }
    }

    private OpenTelemetryBridge() {
    }

    @Override
    public TraceContext activeParent() {
        SpanContext active = Span.current().getSpanContext();
        if (!active.isValid()) {
            return null;
        }
        String traceId = active.getTraceId();
        return TraceContext.of(Long.parseUnsignedLong(traceId, 0, 16, 16), Long.parseUnsignedLong(traceId, 16, 32, 16),
                Long.parseUnsignedLong(active.getSpanId(), 16), active.isSampled());
    }

    @Override
    public Scope enter(TraceContext context) {
        if (context == null || !context.isValid()) {
            return Scope.NOOP;
        }
        SpanContext ours = SpanContext.create(context.traceId(), context.spanId(),
                context.isSampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
        io.opentelemetry.context.Scope entered = Context.current().with(Span.wrap(ours)).makeCurrent();
        Thread owner = Thread.currentThread();
        return () -> {
            if (Thread.currentThread() == owner) {
                entered.close();
            }
        };
    }
}
