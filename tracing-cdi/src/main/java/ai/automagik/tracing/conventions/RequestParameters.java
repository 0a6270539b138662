package ai.automagik.tracing.conventions;

import java.util.Locale;
import java.util.Map;

/**
 * Where a model call's request parameter goes: the GenAI conventions' own ({@code gen_ai.request.temperature},
 * {@code gen_ai.output.type}…), under the names applications and frameworks commonly use for them, or, for any other
 * parameter, {@code automagik.request.<name>}: a name the conventions do not define never enters {@code gen_ai.*}.
 */
final class RequestParameters {

    static final String OTHER_PREFIX = "automagik.request.";

    private static final Map<String, String> CONVENTION_NAMES = Map.ofEntries(
            Map.entry("temperature", "gen_ai.request.temperature"),
            Map.entry("top_p", "gen_ai.request.top_p"),
            Map.entry("top_k", "gen_ai.request.top_k"),
            Map.entry("max_tokens", "gen_ai.request.max_tokens"),
            Map.entry("max_output_tokens", "gen_ai.request.max_tokens"),
            Map.entry("max_completion_tokens", "gen_ai.request.max_tokens"),
            Map.entry("frequency_penalty", "gen_ai.request.frequency_penalty"),
            Map.entry("presence_penalty", "gen_ai.request.presence_penalty"),
            Map.entry("seed", "gen_ai.request.seed"),
            Map.entry("stop_sequences", "gen_ai.request.stop_sequences"),
            Map.entry("stop", "gen_ai.request.stop_sequences"),
            Map.entry("choice.count", "gen_ai.request.choice.count"),
            Map.entry("choice_count", "gen_ai.request.choice.count"),
            Map.entry("n", "gen_ai.request.choice.count"),
            Map.entry("stream", "gen_ai.request.stream"),
            Map.entry("encoding_formats", "gen_ai.request.encoding_formats"),
            Map.entry("reasoning.level", "gen_ai.request.reasoning.level"),
            Map.entry("reasoning_level", "gen_ai.request.reasoning.level"),
            Map.entry("reasoning_effort", "gen_ai.request.reasoning.level"),
            Map.entry("previous_response.id", "gen_ai.request.previous_response.id"),
            Map.entry("previous_response_id", "gen_ai.request.previous_response.id"),
            Map.entry("output.type", "gen_ai.output.type"),
            Map.entry("output_type", "gen_ai.output.type"));

    private RequestParameters() {
    }

    /** The attribute a parameter of this name is sent as. */
    static String attributeName(String parameter) {
        String known = CONVENTION_NAMES.get(parameter);
        if (known == null) {
            known = CONVENTION_NAMES.get(parameter.toLowerCase(Locale.ROOT));
        }
        return known != null ? known : OTHER_PREFIX + parameter;
    }
}
