package ai.automagik.tracing.provider;

import ai.automagik.tracing.ProviderMetrics;
import ai.automagik.tracing.export.CircuitStateTracker;
import ai.automagik.tracing.export.Pipeline;

import java.net.URI;

/** One place events are sent to, with its own pipeline, counters and circuit breaker. */
public final class Destination<E> {

    private final String name;
    private final String endpointShown;
    private final Pipeline<E> pipeline;
    private final CircuitStateTracker circuit;

    public Destination(String name, URI endpoint, Pipeline<E> pipeline, CircuitStateTracker circuit) {
        this.name = name;
        this.endpointShown = withoutCredentials(endpoint);
        this.pipeline = pipeline;
        this.circuit = circuit;
    }

    public String name() {
        return name;
    }

    public Pipeline<E> pipeline() {
        return pipeline;
    }

    public ProviderMetrics metrics() {
        return new ProviderMetrics(name, endpointShown, circuit.state(), circuit.changedAt(),
                circuit.consecutiveFailures(), pipeline.metrics());
    }

    /** An endpoint as it may be shown: no user info, no query (either may hold a secret). */
    public static String withoutCredentials(URI endpoint) {
        if (endpoint == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder().append(endpoint.getScheme()).append("://").append(endpoint.getHost());
        if (endpoint.getPort() >= 0) {
            sb.append(':').append(endpoint.getPort());
        }
        if (endpoint.getRawPath() != null) {
            sb.append(endpoint.getRawPath());
        }
        return sb.toString();
    }
}
