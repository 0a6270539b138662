package ai.automagik.tracing.jaxrs;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.SpanKind;
import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.diagnostics.ConfigurationEntry;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tracks every JAX-RS request of the application: one {@code api.request} telemetry event with the
 * route template (never the raw path), an error event for 5xx, and a server span that continues an
 * incoming W3C {@code traceparent} and {@code tracestate} (the caller's sampling decision first). The response
 * carries the span's {@code traceparent} and a {@code traceresponse} whose sampled flag says whether this
 * service kept its part, also when it decided so at the end (an error, slowness): a caller using
 * {@link TraceparentClientFilter} then keeps its part too. Health, metrics, OpenAPI, static resources and the
 * tracing admin API are skipped.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER - 500)
public class ServerTracingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    static final String TRACERESPONSE = "traceresponse";
    // one request property (on Liberty each is a servlet request attribute, with listener notification)
    private static final String TRACKED_PROPERTY = ServerTracingFilter.class.getName() + ".tracked";
    private static final Logger LOG = Logger.getLogger(ServerTracingFilter.class.getName());

    @Inject
    Tracer tracer;

    /** A setting of the core's (so it is listed and checked with every other); read here by its name. */
    static final String SKIP_PATHS = "automagik.jaxrs.skip.paths";

    @Inject
    TracingDiagnostics diagnostics;

    @Context
    ResourceInfo resourceInfo;

    private volatile SkipList skipList;
    // the application path per resource class: the JAX-RS runtime builds a new base URI on every call
    private final Map<Class<?>, String> applicationPaths = new ConcurrentHashMap<>();

    @Context
    ServletContext servletContext;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            // ResourceInfo is a reflective proxy onto the current request's context: read it once
            Class<?> resourceClass = resourceInfo == null ? null : resourceInfo.getResourceClass();
            String applicationPath = applicationPath(request, resourceClass);
            if (skipList().matches(applicationPath, request.getUriInfo().getPath(false))) {
                return;
            }
            Method resourceMethod = resourceClass == null ? null : resourceInfo.getResourceMethod();
            String route = RouteTemplates.template(applicationPath, resourceClass, resourceMethod, request.getUriInfo());
            // two traceparent fields, or none, restart the trace (the W3C processing model)
            TraceContext parent = TraceContext.fromHeaders(request.getHeaders().get(TRACEPARENT),
                    request.getHeaders().get(TRACESTATE)).orElse(TraceContext.INVALID);
            String method = request.getMethod();
            // the remote parent, or a new trace: never what this pooled thread held before
            Span span = tracer.spanBuilder(method + " " + route).setKind(SpanKind.SERVER).setParent(parent).startSpan();
            span.setAttribute("http.request.method", method);
            span.setAttribute("http.route", route);
            request.setProperty(TRACKED_PROPERTY, new TrackedRequest(tracer, span, method, route, System.nanoTime()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Request tracking skipped for one request", e);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object property = request.getProperty(TRACKED_PROPERTY);
        // finished rather than removed: on Liberty removing a request attribute notifies listeners too
        if (!(property instanceof TrackedRequest tracked) || tracked.finished) {
            return;
        }
        tracked.finished = true;
        Span span = tracked.span;
        try {
            int status = response.getStatus();
            String route = tracked.route;
            double durationMs = (System.nanoTime() - tracked.startNanos) / 1_000_000.0;
            span.setAttribute("http.response.status_code", (long) status);
            if (status >= 500) {
                span.setError("HTTP " + status);
            }
            // ended first: the sampling decided at the end (an error, slowness) is in the context the headers carry
            span.end();
            TraceContext context = span.context();
            if (context.isValid() && !response.getHeaders().containsKey(TRACEPARENT)) {
                response.getHeaders().putSingle(TRACEPARENT, context.toTraceparent());
                response.getHeaders().putSingle(TRACERESPONSE, context.toTraceparent());
            }
            Tracer requestTracer = tracked.tracer;
            String method = tracked.method;
            requestTracer.recordEvent(() -> TelemetryEvent.apiRequest(method, route, status, durationMs));
            if (status >= 500) {
                requestTracer.recordEvent(() -> TelemetryEvent.agentError("HTTP " + status, "api"));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Request tracking failed for one response", e);
            span.end();
        }
    }

    /** What the response filter needs from the request filter. */
    private static final class TrackedRequest {
        // the request's own tracer: no second look-up through the client proxy
        final Tracer tracer;
        final Span span;
        final String method;
        final String route;
        final long startNanos;
        boolean finished;

        TrackedRequest(Tracer tracer, Span span, String method, String route, long startNanos) {
            this.tracer = tracer;
            this.span = span;
            this.method = method;
            this.route = route;
            this.startNanos = startNanos;
        }
    }

    private SkipList skipList() {
        SkipList list = skipList;
        if (list == null) {
            String paths = diagnostics.configuration().stream().filter(e -> e.property().equals(SKIP_PATHS))
                    .map(ConfigurationEntry::value).filter(v -> v != null).findFirst().orElse("");
            list = new SkipList(List.of(paths.split(",")));
            skipList = list;
        }
        return list;
    }

    private String applicationPath(ContainerRequestContext request, Class<?> resourceClass) {
        if (resourceClass == null) {
            return computeApplicationPath(request);
        }
        String path = applicationPaths.get(resourceClass);
        if (path == null) {
            path = computeApplicationPath(request);
            applicationPaths.putIfAbsent(resourceClass, path);
        }
        return path;
    }

    private String computeApplicationPath(ContainerRequestContext request) {
        String base = request.getUriInfo().getBaseUri().getPath();
        String contextPath = servletContext == null ? "" : servletContext.getContextPath();
        if (contextPath != null && !contextPath.isEmpty() && base.startsWith(contextPath)) {
            base = base.substring(contextPath.length());
        }
        return base;
    }
}
