package ai.automagik.tracing.it;

import ai.automagik.tracing.testing.LoopbackReceiver;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code automagik.otlp.protocol=http/protobuf} on a running server: the researcher agent's trace reaches a collector
 * that speaks OTLP/HTTP protobuf, decoded by opentelemetry-proto's classes: the agent span with its model call and
 * tool calls as children, GenAI attributes and the resource; telemetry stays JSON.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProtobufExportIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LoopbackReceiver collector;
    private static LoopbackReceiver telemetry;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        collector = LoopbackReceiver.start();
        collector.setBehaviour(LoopbackReceiver.Behaviour.protobufOk());
        telemetry = LoopbackReceiver.start();
        return ReferenceDeployment.war("protobuf.war", Map.of(
                "automagik.otlp.endpoint", collector.uri("/v1/traces").toString(),
                "automagik.otlp.protocol", "http/protobuf",
                "automagik.sampling.rate", "1.0",
                "automagik.telemetry.endpoint", telemetry.uri("/v1/traces").toString()));
    }

    @AfterAll
    static void stopReceivers() {
        if (collector != null) {
            collector.close();
            telemetry.close();
        }
    }

    @Test
    void theAgentsTraceArrivesAsProtobuf() throws Exception {
        HttpResponse<String> run = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/agents/researcher/run"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"message\":\"protobuf\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);

        List<Span> spans = awaitSpans(s -> s.getName().equals("invoke_agent researcher"));
        Span agent = spans.stream().filter(s -> s.getName().equals("invoke_agent researcher")).findFirst().orElseThrow();
        List<Span> children = spans.stream().filter(s -> s.getParentSpanId().equals(agent.getSpanId())).toList();
        assertThat(children).extracting(Span::getName).anySatisfy(name -> assertThat(name).startsWith("chat "))
                .anySatisfy(name -> assertThat(name).startsWith("execute_tool "));
        assertThat(children).allSatisfy(child -> assertThat(child.getTraceId()).isEqualTo(agent.getTraceId()));
        assertThat(HexFormat.of().formatHex(agent.getTraceId().toByteArray())).hasSize(32).isNotEqualTo("0".repeat(32));
        Span chat = children.stream().filter(s -> s.getName().startsWith("chat ")).findFirst().orElseThrow();
        assertThat(attribute(chat, "gen_ai.operation.name")).contains("chat");
        assertThat(chat.getAttributesList()).anySatisfy(a -> {
            assertThat(a.getKey()).isEqualTo("gen_ai.usage.input_tokens");
            assertThat(a.getValue().getIntValue()).isPositive();
        });

        assertThat(collector.requests()).allSatisfy(request ->
                assertThat(request.headers()).containsEntry("content-type", "application/x-protobuf"));
        ResourceSpans first = ExportTraceServiceRequest.parseFrom(collector.requests().get(0).body()).getResourceSpans(0);
        assertThat(first.getResource().getAttributesList()).extracting(KeyValue::getKey).contains("service.name");
        assertThat(telemetry.requests()).isNotEmpty().allSatisfy(request ->
                assertThat(request.headers()).containsEntry("content-type", "application/json"));
    }

    private static Optional<String> attribute(Span span, String key) {
        return span.getAttributesList().stream().filter(a -> a.getKey().equals(key))
                .map(a -> a.getValue().getStringValue()).findFirst();
    }

    private static List<Span> awaitSpans(java.util.function.Predicate<Span> until)
            throws InterruptedException, InvalidProtocolBufferException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<Span> spans = new ArrayList<>();
            for (LoopbackReceiver.Request request : collector.requests()) {
                for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(request.body()).getResourceSpansList()) {
                    resource.getScopeSpansList().forEach(scope -> spans.addAll(scope.getSpansList()));
                }
            }
            if (spans.stream().anyMatch(until) || System.nanoTime() > deadline) {
                return spans;
            }
            Thread.sleep(100);
        }
    }
}
