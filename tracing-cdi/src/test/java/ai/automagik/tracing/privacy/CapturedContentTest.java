package ai.automagik.tracing.privacy;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.OtlpSpan;
import ai.automagik.tracing.testing.LoopbackTracing;
import ai.automagik.tracing.runtime.DefaultTracingManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Captured content reaches the observability destination with its secrets masked and its ordinary text kept. */
class CapturedContentTest {

    private static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
            + "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----";
    private static final String AWS = "AKIAQYLPMN5HHHFPZAM2";
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYXJpYSIsInJvbGUiOiJhZG1pbiJ9.c2lnbmF0dXJlLXZhbHVl";
    private static final String URL_PASSWORD = "Tr0ub4dor-3-horse";
    private static final String URL = "postgres://maria:" + URL_PASSWORD + "@db.internal:5432/orders";
    private static final String GENERATED = "q7Rk2ZpX9mLw4TbN8vYc3HsJ";

    @TempDir
    Path home;

    @Test
    void secretsInPromptsToolArgumentsResultsAndErrorsNeverReachTheCollector() {
        try (LoopbackTracing loopback = new LoopbackTracing(home)) {
            TracingManager tracing = loopback.start(Map.of());
            try (Span run = tracing.tracer().startAgentRun("researcher", "test")) {
                run.setInput("Please use key " + AWS + " and reply to maria@example.com");
                try (LlmSpan chat = tracing.tracer().startLlmCall("openai", "gpt-4o")) {
                    chat.inputMessage("system", "You are helpful. Bearer " + JWT)
                            .inputMessage("user", "Here is my key:\n" + PEM + "\nand the db " + URL)
                            .outputMessage("assistant", "I will not repeat " + AWS);
                }
                try (Span tool = tracing.tracer().startToolExecution("lookup")) {
                    // names as a method compiled without -parameters has them
                    tool.setInput(ContentRedactor.defaults().redactArguments(new String[] {"arg0", "arg1", "arg2"},
                            new Object[] {"orders for Maria Silva", "s3cr3t-pass".toCharArray(), GENERATED}));
                    tool.setOutput("connected to " + URL + " with token " + JWT);
                    tool.recordException(new IllegalStateException("login failed for " + URL));
                }
            }
            assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
            String sent = wire(loopback);

            assertThat(sent).contains("invoke_agent researcher").contains("execute_tool lookup")
                    .contains("maria@example.com").contains("orders for Maria Silva").contains("You are helpful")
                    .contains("[PRIVATE_KEY]").contains("[JWT]").contains("[CREDENTIALS]").contains("[REDACTED]");
            for (String secret : List.of(AWS, JWT, "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
                    URL_PASSWORD, "s3cr3t-pass", GENERATED)) {
                assertThat(sent).as("a secret reached the collector").doesNotContain(secret);
            }
            // what the console shows of recent traces is masked the same way
            String shown = ((DefaultTracingManager) tracing).recentTraces().toString();
            assertThat(shown).contains("maria@example.com").doesNotContain(AWS).doesNotContain(URL_PASSWORD);
        }
    }

    @Test
    void contentAPlainSpanCarriesInItsOwnAttributesOrErrorsIsMaskedToo() {
        try (LoopbackTracing loopback = new LoopbackTracing(home)) {
            TracingManager tracing = loopback.start(Map.of());
            try (Span span = tracing.tracer().startSpan("retrieve")) {
                span.setAttribute("gen_ai.retrieval.query.text", "orders with key " + AWS);
            }
            try (Span span = tracing.tracer().startSpan("connect")) {
                span.recordException(new IllegalStateException("refused " + URL));
            }
            tracing.tracer().startSpan("plain").end();
            assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
            String sent = wire(loopback);
            assertThat(sent).contains("retrieve").contains("connect").contains("plain").contains("[API_KEY]")
                    .doesNotContain(AWS).doesNotContain(URL_PASSWORD);
        }
    }

    @Test
    void theGenAiConventionsContentSwitchTurnsCaptureOff() {
        try (LoopbackTracing loopback = new LoopbackTracing(home)) {
            TracingManager tracing = loopback.start(Map.of("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "false"));
            try (LlmSpan chat = tracing.tracer().startLlmCall("openai", "gpt-4o")) {
                chat.inputMessage("user", "private question").outputMessage("assistant", "private answer");
            }
            assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(wire(loopback)).contains("chat gpt-4o").doesNotContain("private question")
                    .doesNotContain("private answer").doesNotContain("gen_ai.input.messages");
        }
    }

    @Test
    void aSpanWithNothingToMaskIsPassedOnAsItIs() {
        Attributes attributes = new Attributes();
        attributes.put("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]}]");
        attributes.put("custom", AWS);
        OtlpSpan span = new OtlpSpan(1, 2, 3, 0, "chat m", OtlpSpan.KIND_CLIENT, 1, 2, attributes, List.of(), 0, null);
        assertThat(CapturedContent.scrubbed(span)).isSameAs(span);
        assertThat(CapturedContent.scrubbed(List.of(span))).containsExactly(span);

        attributes.put("gen_ai.output.messages", "use " + AWS);
        OtlpSpan masked = CapturedContent.scrubbed(span);
        assertThat(masked).isNotSameAs(span);
        assertThat(masked.attributes().get("gen_ai.output.messages")).isEqualTo("use [API_KEY]");
        assertThat(span.attributes().get("gen_ai.output.messages")).as("the ended span is never changed")
                .isEqualTo("use " + AWS);
    }

    private static String wire(LoopbackTracing loopback) {
        StringBuilder all = new StringBuilder();
        loopback.collector.requests().forEach(r -> all.append(new String(r.body(), StandardCharsets.UTF_8)));
        return all.toString().replace("\\n", "\n").replace("\\/", "/");
    }
}
