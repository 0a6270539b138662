package ai.automagik.tracing.privacy;

import ai.automagik.tracing.otlp.Attributes;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryAllowlistTest {

    private final TelemetryAttributePolicy policy = TelemetryAttributePolicy.defaults();

    @Test
    void keepsOnlyTheSchemaKeysScrubsReducesPathsAndCaps() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("event.agent_name", "agent for bob@example.com");
        raw.put("event.framework", "/home/alice/frameworks/pydantic_ai");
        raw.put("event.success", true);
        raw.put("event.duration_ms", 12.5);
        raw.put("event.prompt", "tell me a secret");
        raw.put("user.email", "bob@example.com");
        Attributes clean = policy.apply("agent.run", raw);
        assertThat(clean.size()).isEqualTo(4);
        assertThat(clean.get("event.agent_name")).isEqualTo("agent for [EMAIL]");
        assertThat(clean.get("event.framework")).isEqualTo("pydantic_ai");
        assertThat(clean.get("event.success")).isEqualTo(true);
        assertThat(clean.get("event.duration_ms")).isEqualTo(12.5);
        assertThat(clean.get("event.prompt")).isNull();
        assertThat(clean.get("user.email")).isNull();
    }

    @Test
    void routesStayTemplatesAndLongValuesAreCapped() {
        Attributes clean = policy.apply("api.request", Map.of("event.route", "/api/agents/{name}/run",
                "event.method", "x".repeat(500), "event.status_code", 200L));
        assertThat(clean.get("event.route")).isEqualTo("/api/agents/{name}/run");
        assertThat((String) clean.get("event.method")).hasSize(TelemetryAttributePolicy.MAX_STRING);
        assertThat(clean.get("event.status_code")).isEqualTo(200L);
    }

    @Test
    void unknownEventTypesCarryNoAttributes() {
        assertThat(policy.apply("made.up", Map.of("event.anything", "x")).size()).isZero();
        assertThat(policy.allowedKeys("system.startup")).containsExactlyInAnyOrderElementsOf(TelemetryAttributePolicy.SYSTEM_KEYS);
    }

    @Test
    void noGeneratedSecretPassesThePolicy() {
        PiiCorpus corpus = new PiiCorpus(7L);
        for (PiiCorpus.Sample sample : corpus.samples(1000)) {
            Attributes clean = policy.apply("tool.executed", Map.of("event.tool_name", corpus.embed(sample.secret())));
            String value = (String) clean.get("event.tool_name");
            assertThat(value).as(sample.kind()).doesNotContain(sample.secret());
        }
    }
}
