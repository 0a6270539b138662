package ai.automagik.tracing.conventions;

import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.trace.CachedUsage;
import ai.automagik.tracing.trace.GenAiData;
import ai.automagik.tracing.trace.LocalTrace;
import ai.automagik.tracing.trace.SpanData;
import ai.automagik.tracing.trace.SpanRole;

import java.util.List;

/**
 * What the OpenTelemetry GenAI semantic conventions make of a recorded span, on an export worker: the
 * operation, agent, tool and model attributes by role, token usage, messages in the parts schema, the
 * conversation, user and session of the trace, and {@code error.type}. Every destination receives these;
 * a vendor's own keys are added after them by its {@code SpanConvention}.
 */
public final class GenAiConvention {

    /** Room for the conventions' keys next to the application's own. */
    static final int CONVENTION_KEYS = 48;

    private GenAiConvention() {
    }

    /**
     * The span's attributes as sent: the application's own, then the conventions'. When the conventions add
     * nothing (a plain span of no failed, anonymous trace) the span's own attributes are returned as they are,
     * or {@link Attributes#EMPTY}: whoever adds to them copies them first.
     */
    public static Attributes attributes(SpanData span) {
        LocalTrace trace = span.trace();
        boolean identified = trace != null && (trace.conversationId() != null || trace.userId() != null
                || trace.sessionId() != null);
        if (span.role() == SpanRole.GENERIC && span.errorType() == null && !identified) {
            return span.attributes() == null ? Attributes.EMPTY : span.attributes();
        }
        // the application's own, with how many it set beyond their limit, and room for the conventions' keys
        Attributes out = span.attributes() == null ? new Attributes(CONVENTION_KEYS)
                : span.attributes().copy(span.attributes().size() + CONVENTION_KEYS);
        GenAiData genAi = span.genAi();
        switch (span.role()) {
            case AGENT -> {
                out.put("gen_ai.operation.name", "invoke_agent");
                out.put("gen_ai.agent.name", span.subject());
                if (span.input() != null) {
                    out.put("gen_ai.input.messages", MessagesJson.text("user", span.input(), null));
                }
                if (span.output() != null) {
                    out.put("gen_ai.output.messages", MessagesJson.text("assistant", span.output(), null));
                }
            }
            case TOOL -> {
                out.put("gen_ai.operation.name", "execute_tool");
                out.put("gen_ai.tool.name", span.subject());
                out.put("gen_ai.tool.type", "function");
                if (genAi != null && genAi.toolCallId() != null) {
                    out.put("gen_ai.tool.call.id", genAi.toolCallId());
                }
                if (span.input() != null) {
                    out.put("gen_ai.tool.call.arguments", span.input());
                }
                if (span.output() != null) {
                    out.put("gen_ai.tool.call.result", span.output());
                }
            }
            case LLM -> chat(span, genAi, out);
            case EMBEDDINGS -> embeddings(span, genAi, out);
            case RETRIEVAL -> {
                out.put("gen_ai.operation.name", "retrieval");
                out.put("gen_ai.data_source.id", span.subject());
                if (span.input() != null) {
                    out.put("gen_ai.retrieval.query.text", span.input());
                }
                if (span.output() != null) {
                    out.put("gen_ai.retrieval.documents", span.output());
                }
            }
            case COMMAND -> out.put("cli.command", span.subject());
            case GENERIC -> { }
        }
        if (span.errorType() != null) {
            out.put("error.type", span.errorType());
        }
        if (identified) {
            out.put("gen_ai.conversation.id", trace.conversationId());
            out.put("user.id", trace.userId());
            out.put("session.id", trace.sessionId());
        }
        return out;
    }

    /** What every model operation carries: its name, the model asked for and the provider. */
    private static void modelOperation(String operation, SpanData span, Attributes out) {
        out.put("gen_ai.operation.name", operation);
        out.put("gen_ai.request.model", span.subject());
        if (span.detail() != null) {
            out.put("gen_ai.provider.name", span.detail());
        }
    }

    private static void embeddings(SpanData span, GenAiData genAi, Attributes out) {
        modelOperation("embeddings", span, out);
        if (genAi == null) {
            return;
        }
        if (genAi.responseModel() != null) {
            out.put("gen_ai.response.model", genAi.responseModel());
        }
        if (genAi.inputTokens() >= 0) {
            out.put("gen_ai.usage.input_tokens", genAi.inputTokens());
        }
        cost(genAi, out);
    }

    private static void cost(GenAiData genAi, Attributes out) {
        if (genAi.costUsd() != null) {
            // proposed in semantic-conventions-genai#443, not in the pinned registry yet
            out.put("gen_ai.usage.cost.amount", genAi.costUsd());
            out.put("gen_ai.usage.cost.currency", "USD");
            out.put("gen_ai.usage.cost.source", "local");
        }
    }

    private static void chat(SpanData span, GenAiData genAi, Attributes out) {
        modelOperation("chat", span, out);
        if (genAi == null) {
            return;
        }
        genAi.parameters().forEach((name, value) -> out.put(RequestParameters.attributeName(name), value));
        if (genAi.responseModel() != null) {
            out.put("gen_ai.response.model", genAi.responseModel());
        }
        if (genAi.timeToFirstChunkNanos() >= 0) {
            out.put("gen_ai.request.stream", true);
            out.put("gen_ai.response.time_to_first_chunk", genAi.timeToFirstChunkNanos() / 1e9);
        }
        if (genAi.responseId() != null) {
            out.put("gen_ai.response.id", genAi.responseId());
        }
        if (genAi.inputTokens() >= 0) {
            out.put("gen_ai.usage.input_tokens", genAi.inputTokens());
            out.put("gen_ai.usage.output_tokens", genAi.outputTokens());
        }
        CachedUsage detailed = genAi.detailedUsage();
        if (detailed.cacheReadInputTokens() >= 0) {
            out.put("gen_ai.usage.cache_read.input_tokens", detailed.cacheReadInputTokens());
        }
        if (detailed.cacheCreationInputTokens() >= 0) {
            out.put("gen_ai.usage.cache_creation.input_tokens", detailed.cacheCreationInputTokens());
        }
        if (detailed.reasoningOutputTokens() >= 0) {
            out.put("gen_ai.usage.reasoning.output_tokens", detailed.reasoningOutputTokens());
        }
        cost(genAi, out);
        List<String> reasons = genAi.finishReasons();
        if (!reasons.isEmpty()) {
            out.put("gen_ai.response.finish_reasons", reasons);
        }
        if (!genAi.inputMessages().isEmpty()) {
            out.put("gen_ai.input.messages", MessagesJson.of(genAi.inputMessages(), null));
        } else if (span.input() != null) {
            out.put("gen_ai.input.messages", MessagesJson.text("user", span.input(), null));
        }
        String finish = reasons.isEmpty() ? null : reasons.get(0);
        if (!genAi.outputMessages().isEmpty()) {
            out.put("gen_ai.output.messages", MessagesJson.of(genAi.outputMessages(), finish));
        } else if (span.output() != null) {
            out.put("gen_ai.output.messages", MessagesJson.text("assistant", span.output(), finish));
        }
    }
}
