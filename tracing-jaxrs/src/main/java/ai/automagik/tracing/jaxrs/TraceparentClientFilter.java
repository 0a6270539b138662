package ai.automagik.tracing.jaxrs;

import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.Tracer;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Adds the current span's {@code traceparent} to outgoing JAX-RS client requests, so the next service
 * continues the trace. Register it on a client: {@code client.register(new TraceparentClientFilter(tracer))}.
 */
public final class TraceparentClientFilter implements ClientRequestFilter {

    private final Tracer tracer;

    public TraceparentClientFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void filter(ClientRequestContext request) {
        TraceContext context = tracer.currentContext();
        if (context.isValid() && !request.getHeaders().containsKey(ServerTracingFilter.TRACEPARENT)) {
            request.getHeaders().putSingle(ServerTracingFilter.TRACEPARENT, context.toTraceparent());
        }
    }
}
