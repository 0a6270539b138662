package ai.automagik.tracing.diagnostics;

import ai.automagik.tracing.MetricsSnapshot;
import ai.automagik.tracing.TracingManager;

import java.util.List;
import java.util.Optional;

/**
 * What operators look at, read-only: the metrics snapshot, the last kept traces and sent payloads, the
 * effective configuration (secrets masked) and metrics in the Prometheus text format. The admin console,
 * the REST admin API and the health check read only this. Inject it with CDI, or take it from a manager
 * with {@link #of(TracingManager)}.
 */
public interface TracingDiagnostics {

    /** The diagnostics view of {@code manager}; every manager this product builds has one. */
    static TracingDiagnostics of(TracingManager manager) {
        if (manager instanceof TracingDiagnostics diagnostics) {
            return diagnostics;
        }
        throw new IllegalArgumentException("not a manager of this product: " + manager.getClass().getName());
    }

    MetricsSnapshot metrics();

    /** Whether any observability provider (LangWatch, OTLP, an application's own) is configured. */
    boolean observabilityConfigured();

    /** The last traces the sampler kept, newest first, each span as its destinations receive it. */
    List<List<RecentSpan>> recentTraces();

    /** The last request bodies sent (or logged in debug mode), newest first. */
    List<RecentPayload> recentPayloads();

    /** Every setting with its effective value (secrets masked) and where it came from. */
    List<ConfigurationEntry> configuration();

    /** How a {@code test.event} (id from {@link TracingManager#sendTestEvent()}) is doing; empty when forgotten. */
    Optional<TestEventStatus> testEventStatus(String id);

    /** Pipeline counters and GenAI metrics in the Prometheus text exposition format (version 0.0.4). */
    String prometheusText();

    /** What model calls cost so far, by model and agent, most expensive first. */
    List<ModelCost> modelCosts();

    /** The version of the price table model calls are priced with (the defaults', then any override's). */
    String priceTableVersion();
}
