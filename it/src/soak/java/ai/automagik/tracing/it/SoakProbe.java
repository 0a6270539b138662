package ai.automagik.tracing.it;

import ai.automagik.tracing.MetricsSnapshot;
import ai.automagik.tracing.PipelineMetrics;
import ai.automagik.tracing.TracingManager;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;

/**
 * Added to the reference WAR for the soak run only: the server JVM's heap after a full GC, its thread
 * counts, and the telemetry counters, so the run can show whether anything grows.
 */
@Path("soak-probe")
@RequestScoped
public class SoakProbe {

    @Inject
    TracingManager tracing;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject probe() {
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long tracingThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("automagik-tracing")).count();
        MetricsSnapshot metrics = tracing.metrics();
        PipelineMetrics t = metrics.tracer();
        return Json.createObjectBuilder()
                .add("heapAfterGcBytes", heap)
                .add("threads", ManagementFactory.getThreadMXBean().getThreadCount())
                .add("tracingThreads", tracingThreads)
                .add("queued", t.queued()).add("processed", t.processed()).add("dropped", t.dropped())
                .add("failed", t.failed()).add("queueSize", t.queueSize()).add("inFlight", t.inFlight())
                .add("batches", t.batches())
                .build();
    }
}
