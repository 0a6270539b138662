package ai.automagik.tracing.privacy;

import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.otlp.Attributes;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryAttributePolicyTest {

    private final TelemetryAttributePolicy policy = TelemetryAttributePolicy.defaults();

    @Test
    void eachEventTypeAllowsExactlyItsSchemaKeysPlusTheSystemKeys() {
        Map<String, List<String>> schema = Map.of(
                "system.startup", List.of(),
                "agent.run", List.of("event.agent_name", "event.framework", "event.success", "event.duration_ms"),
                "agent.error", List.of("event.error_type", "event.component"),
                "tool.executed", List.of("event.tool_name", "event.success", "event.duration_ms"),
                // event.cost_usd: beyond the specification's schema, a number priced from the model's usage
                "llm.call", List.of("event.model", "event.provider", "event.input_tokens", "event.output_tokens",
                        "event.cost_usd", "event.success", "event.duration_ms"),
                "api.request", List.of("event.method", "event.route", "event.status_code", "event.duration_ms",
                        "event.success"),
                "cli.command", List.of("event.command", "event.success", "event.duration_ms"),
                "feature.used", List.of("event.feature_name", "event.feature_category"),
                "test.event", List.of("event.test_id"));
        schema.forEach((type, keys) -> {
            Set<String> expected = new HashSet<>(keys);
            expected.addAll(List.of("system.os", "system.os_version", "system.java_version", "system.architecture",
                    "system.is_container"));
            assertThat(policy.allowedKeys(type)).as(type).containsExactlyInAnyOrderElementsOf(expected);
        });
        assertThat(TelemetryAttributePolicy.SYSTEM_KEYS).hasSize(5);
    }

    @Test
    void keysOutsideTheSchemaAreRemovedAndValuesScrubbed() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("event.agent_name", "agent for bob@example.com");
        raw.put("event.framework", "/opt/frameworks/pydantic_ai");
        raw.put("event.success", true);
        raw.put("event.duration_ms", 12.5);
        raw.put("event.prompt", "tell me a secret");
        raw.put("gen_ai.input.messages", "[{\"role\":\"user\"}]");
        raw.put("user.email", "bob@example.com");
        raw.put("system.os", "Linux");
        raw.put("system.is_container", false);

        Attributes clean = policy.apply("agent.run", raw);

        assertThat(clean.size()).isEqualTo(6);
        assertThat(clean.get("event.agent_name")).isEqualTo("agent for [EMAIL]");
        assertThat(clean.get("event.framework")).isEqualTo("pydantic_ai");
        assertThat(clean.get("event.success")).isEqualTo(true);
        assertThat(clean.get("event.duration_ms")).isEqualTo(12.5);
        assertThat(clean.get("system.os")).isEqualTo("Linux");
        assertThat(clean.get("system.is_container")).isEqualTo(false);
        assertThat(clean.get("event.prompt")).isNull();
        assertThat(clean.get("gen_ai.input.messages")).isNull();
        assertThat(clean.get("user.email")).isNull();
    }

    @Test
    void homePathsLoseTheUserNameEvenWithoutAFurtherSegment() {
        assertThat(policy.apply("cli.command", Map.of("event.command", "/home/alice/bin/deploy.sh")).get("event.command"))
                .isEqualTo("deploy.sh");
        assertThat(policy.apply("cli.command", Map.of("event.command", "/home/alice")).get("event.command"))
                .isEqualTo("[PATH]");
        assertThat(policy.apply("cli.command", Map.of("event.command", "C:\\Users\\bob\\tools\\run.exe"))
                .get("event.command")).isEqualTo("run.exe");
        assertThat(policy.apply("llm.call", Map.of("event.model", "meta-llama/Llama-3-8B")).get("event.model"))
                .as("a model id with a slash is not a path").isEqualTo("meta-llama/Llama-3-8B");
    }

    @Test
    void routesStayTemplatesButAreScrubbedAndLongValuesAreCapped() {
        Attributes clean = policy.apply("api.request", Map.of("event.route", "/api/agents/{name}/run",
                "event.method", "x".repeat(500), "event.status_code", 200L));
        assertThat(clean.get("event.route")).isEqualTo("/api/agents/{name}/run");
        assertThat((String) clean.get("event.method")).hasSize(TelemetryAttributePolicy.MAX_STRING);
        assertThat(clean.get("event.status_code")).isEqualTo(200L);

        Attributes raw = policy.apply("api.request", Map.of("event.route", "/api/users/bob@example.com/orders"));
        assertThat(raw.get("event.route")).isEqualTo("/api/users/[EMAIL]/orders");
    }

    @Test
    void numbersAndBooleansKeepTheirTypes() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("event.input_tokens", 1200);
        raw.put("event.output_tokens", 35L);
        raw.put("event.duration_ms", 1.5f);
        raw.put("event.success", Boolean.FALSE);
        raw.put("event.model", "gpt-4o-mini");
        Attributes clean = policy.apply("llm.call", raw);
        assertThat(clean.get("event.input_tokens")).isEqualTo(1200L);
        assertThat(clean.get("event.output_tokens")).isEqualTo(35L);
        assertThat(clean.get("event.duration_ms")).isEqualTo(1.5);
        assertThat(clean.get("event.success")).isEqualTo(false);
        assertThat(clean.get("event.model")).isEqualTo("gpt-4o-mini");
    }

    @Test
    void versionAttributesKeepFourPartVersionsThatOtherwiseReadAsAddresses() {
        Attributes clean = policy.apply("system.startup", Map.of("system.java_version", "11.0.20.1",
                "system.os_version", "6.1.0-18-amd64"));
        assertThat(clean.get("system.java_version")).isEqualTo("11.0.20.1");
        assertThat(clean.get("system.os_version")).isEqualTo("6.1.0-18-amd64");
        assertThat(policy.apply("tool.executed", Map.of("event.tool_name", "11.0.20.1")).get("event.tool_name"))
                .isEqualTo("[IP]");
        assertThat(policy.apply("system.startup", Map.of("system.os_version", "bob@example.com"))
                .get("system.os_version")).isEqualTo("[EMAIL]");
    }

    @Test
    void unknownEventTypesAndMissingAttributesCarryNothing() {
        assertThat(policy.apply("made.up", Map.of("event.anything", "x", "system.os", "Linux")).size()).isZero();
        assertThat(policy.allowedKeys("made.up")).isEmpty();
        assertThat(policy.apply("agent.run", null).size()).isZero();
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("event.agent_name", null);
        assertThat(policy.apply("agent.run", withNull).size()).isZero();
    }

    @Test
    void factoryEventsPassThePolicyWhole() {
        TelemetryEvent event = TelemetryEvent.llmCall("claude-3-5-sonnet-20241022", "anthropic", 10, 20, true, 3.5);
        Attributes clean = policy.apply(event.type(), event.attributes());
        assertThat(clean.size()).isEqualTo(event.attributes().size());
        event.attributes().forEach((key, value) -> assertThat(clean.get(key)).as(key).isEqualTo(value));
    }

    @Test
    void noGeneratedSecretPassesThePolicy() {
        GeneratedPii corpus = new GeneratedPii(7L);
        for (GeneratedPii.Sample sample : corpus.samples(1500)) {
            Attributes clean = policy.apply("tool.executed", Map.of("event.tool_name", sample.text()));
            String value = (String) clean.get("event.tool_name");
            assertThat(value).as(sample.kind() + ": " + sample.text())
                    .doesNotContain(sample.core())
                    .hasSizeLessThanOrEqualTo(TelemetryAttributePolicy.MAX_STRING);
            // A home path is reduced to its last segment after scrubbing, so its marker goes with the rest;
            // a long URL may have its marker cut off by the cap.
            boolean markerFits = Sanitizer.defaults().scrub(sample.text()).length() <= TelemetryAttributePolicy.MAX_STRING;
            if (!sample.kind().startsWith("home") && markerFits) {
                assertThat(value).as(sample.kind() + ": " + sample.text()).contains(sample.marker());
            }
        }
    }
}
