package ai.automagik.tracing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One anonymous usage event of the telemetry layer. Only the keys of its type's schema leave the
 * server, and their values are scrubbed of personal data and capped first; build events with the
 * factory methods so the keys are right.
 */
public final class TelemetryEvent {

    public static final String SYSTEM_STARTUP = "system.startup";
    public static final String AGENT_RUN = "agent.run";
    public static final String AGENT_ERROR = "agent.error";
    public static final String TOOL_EXECUTED = "tool.executed";
    public static final String LLM_CALL = "llm.call";
    public static final String API_REQUEST = "api.request";
    public static final String CLI_COMMAND = "cli.command";
    public static final String FEATURE_USED = "feature.used";
    public static final String TEST_EVENT = "test.event";

    private final String type;
    private final Map<String, Object> attributes;
    private final boolean success;

    private TelemetryEvent(String type, Map<String, Object> attributes, boolean success) {
        this.type = type;
        this.attributes = Collections.unmodifiableMap(attributes);
        this.success = success;
    }

    public static Builder builder(String type) {
        return new Builder(type);
    }

    public static TelemetryEvent agentRun(String agentName, String framework, boolean success, double durationMs) {
        return builder(AGENT_RUN).put("event.agent_name", agentName).put("event.framework", framework)
                .put("event.success", success).put("event.duration_ms", durationMs).success(success).build();
    }

    public static TelemetryEvent agentError(String errorType, String component) {
        return builder(AGENT_ERROR).put("event.error_type", errorType).put("event.component", component)
                .success(false).build();
    }

    public static TelemetryEvent toolExecuted(String toolName, boolean success, double durationMs) {
        return builder(TOOL_EXECUTED).put("event.tool_name", toolName).put("event.success", success)
                .put("event.duration_ms", durationMs).success(success).build();
    }

    public static TelemetryEvent llmCall(String model, String provider, long inputTokens, long outputTokens,
            boolean success, double durationMs) {
        return llmCall(model, provider, inputTokens, outputTokens, Double.NaN, success, durationMs);
    }

    /** {@code costUsd}: what the call cost in US dollars, NaN when not known (then not sent). */
    public static TelemetryEvent llmCall(String model, String provider, long inputTokens, long outputTokens,
            double costUsd, boolean success, double durationMs) {
        TelemetryEvent.Builder event = builder(LLM_CALL).put("event.model", model).put("event.provider", provider)
                .put("event.input_tokens", inputTokens).put("event.output_tokens", outputTokens);
        if (Double.isFinite(costUsd)) {
            event.put("event.cost_usd", costUsd);
        }
        return event.put("event.success", success).put("event.duration_ms", durationMs).success(success).build();
    }

    /** {@code route} must be the route template ({@code /api/agents/{name}/run}), never the raw path. */
    public static TelemetryEvent apiRequest(String method, String route, int statusCode, double durationMs) {
        boolean success = statusCode < 500;
        return builder(API_REQUEST).put("event.method", method).put("event.route", route)
                .put("event.status_code", (long) statusCode).put("event.duration_ms", durationMs)
                .put("event.success", success).success(success).build();
    }

    public static TelemetryEvent cliCommand(String command, boolean success, double durationMs) {
        return builder(CLI_COMMAND).put("event.command", command).put("event.success", success)
                .put("event.duration_ms", durationMs).success(success).build();
    }

    public static TelemetryEvent featureUsed(String featureName, String featureCategory) {
        return builder(FEATURE_USED).put("event.feature_name", featureName)
                .put("event.feature_category", featureCategory).build();
    }

    public static TelemetryEvent systemStartup() {
        return builder(SYSTEM_STARTUP).build();
    }

    public static TelemetryEvent testEvent() {
        return builder(TEST_EVENT).build();
    }

    public String type() {
        return type;
    }

    /** The event's own {@code event.*} attributes, before allowlist and scrubbing. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    public boolean success() {
        return success;
    }

    @Override
    public String toString() {
        return "TelemetryEvent[" + type + "]";
    }

    public static final class Builder {
        private final String type;
        private Map<String, Object> attributes = new LinkedHashMap<>();
        private boolean handedOver;
        private boolean success = true;

        private Builder(String type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /** Values: String, Boolean, Long/Integer, Double/Float; null values are skipped. */
        public Builder put(String key, Object value) {
            if (key != null && value != null) {
                if (handedOver) { // built before: the event keeps its map, this builder goes on with a copy
                    attributes = new LinkedHashMap<>(attributes);
                    handedOver = false;
                }
                attributes.put(key, value instanceof Integer i ? Long.valueOf(i)
                        : value instanceof Float f ? Double.valueOf(f) : value);
            }
            return this;
        }

        public Builder success(boolean value) {
            this.success = value;
            return this;
        }

        public TelemetryEvent build() {
            handedOver = true;
            return new TelemetryEvent(type, attributes, success);
        }
    }
}
