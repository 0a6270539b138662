package ai.automagik.tracing.cost;

import ai.automagik.tracing.trace.ReadableSpan;
import ai.automagik.tracing.trace.SpanProcessor;
import ai.automagik.tracing.trace.SpanRole;

/**
 * Prices each model call that reported its usage and has no cost of the application's, from the model that
 * answered (else the one asked for); first in the chain, so metrics and the telemetry event see the cost.
 */
public final class CostProcessor implements SpanProcessor {

    private final PriceTable prices;

    public CostProcessor(PriceTable prices) {
        this.prices = prices;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // kept small so that it is inlined: most spans are not model calls
        if ((span.role() == SpanRole.LLM || span.role() == SpanRole.EMBEDDINGS) && span.inputTokens() >= 0) {
            price(span);
        }
    }

    private void price(ReadableSpan span) {
        if (!Double.isNaN(span.costUsd())) {
            return;
        }
        ModelPrice price = span.responseModel() == null ? null : prices.price(span.responseModel());
        if (price == null) {
            price = prices.price(span.subject());
        }
        if (price != null) {
            var usage = span.detailedUsage();
            span.priced(price.cost(span.inputTokens(), span.outputTokens(), usage.cacheReadInputTokens(),
                    usage.cacheCreationInputTokens()));
        }
    }
}
