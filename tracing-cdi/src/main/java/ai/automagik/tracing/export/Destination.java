package ai.automagik.tracing.export;

import ai.automagik.tracing.ProviderMetrics;

import java.net.URI;

/**
 * One place events are sent to, with its own pipeline, counters and circuit breaker. Built by
 * {@link DestinationFactory}, the one place that wires a destination's sender, encoder and pipeline.
 */
public final class Destination<E> {

    private final String name;
    private final String endpointShown;
    private final Pipeline<E> pipeline;
    private final CircuitStateTracker circuit;
    private final AutoCloseable sender;

    Destination(String name, URI endpoint, Pipeline<E> pipeline, CircuitStateTracker circuit, AutoCloseable sender) {
        this.name = name;
        this.endpointShown = withoutCredentials(endpoint);
        this.pipeline = pipeline;
        this.circuit = circuit;
        this.sender = sender;
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

    /** Drains the pipeline within its bound, then releases the sender's connections. */
    public void shutdown() {
        pipeline.shutdown();
        try {
            sender.close();
        } catch (Exception e) {
            // nothing left to release
        }
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
