package ai.automagik.tracing.jaxrs;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.SpanKind;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.Tracer;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * Carries the trace on outgoing JAX-RS client calls: each call is a CLIENT span of the current trace, whose
 * context goes out as {@code traceparent} and {@code tracestate}, so the next service continues the trace with
 * this process's sampling decision. When the callee answers with a {@code traceresponse} saying it kept its part
 * of the trace (an error or slowness there), this process keeps its part too, so the trace stays whole.
 * Register it on a client: {@code client.register(new TraceparentClientFilter(tracer))}.
 */
public final class TraceparentClientFilter implements ClientRequestFilter, ClientResponseFilter {

    private static final String SPAN = TraceparentClientFilter.class.getName() + ".span";

    private final Tracer tracer;

    public TraceparentClientFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getHeaders().containsKey(ServerTracingFilter.TRACEPARENT)) {
            return; // the application set its own
        }
        Span span = tracer.spanBuilder(request.getMethod()).setKind(SpanKind.CLIENT).startSpan();
        // the call may complete on another thread: the span is not the caller's current span meanwhile
        span.detach();
        TraceContext context = span.context().isValid() ? span.context() : tracer.currentContext();
        if (!context.isValid()) {
            return;
        }
        span.setAttribute("http.request.method", request.getMethod());
        if (request.getUri() != null && request.getUri().getHost() != null) {
            span.setAttribute("server.address", request.getUri().getHost());
        }
        request.setProperty(SPAN, span);
        request.getHeaders().putSingle(ServerTracingFilter.TRACEPARENT, context.toTraceparent());
        if (!context.traceState().isEmpty()) {
            request.getHeaders().putSingle(ServerTracingFilter.TRACESTATE, context.traceState());
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (!(request.getProperty(SPAN) instanceof Span span)) {
            return;
        }
        int status = response.getStatus();
        span.setAttribute("http.response.status_code", (long) status);
        if (status >= 400) {
            span.setError("HTTP " + status);
        }
        TraceContext callee = TraceContext.fromTraceparent(response.getHeaderString(ServerTracingFilter.TRACERESPONSE))
                .orElse(TraceContext.INVALID);
        TraceContext ours = span.context();
        if (callee.isSampled() && ours.isValid() && !ours.isSampled() && callee.traceId().equals(ours.traceId())) {
            span.keepTrace();
        }
        span.end();
    }
}
