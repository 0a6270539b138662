package ai.automagik.tracing.cost;

/**
 * A model's list price in US dollars per million tokens: input, output, input read from the prompt cache, and
 * input written to it.
 */
public record ModelPrice(double input, double output, double cachedInput, double cacheWrite) {

    public ModelPrice {
        for (double price : new double[] {input, output, cachedInput, cacheWrite}) {
            if (!Double.isFinite(price) || price < 0) {
                throw new IllegalArgumentException("a price is a number of US dollars per million tokens, 0 or more");
            }
        }
    }

    /**
     * The cost of one call, in US dollars. {@code inputTokens} includes the cached ones ({@code cacheRead} read from
     * the cache, {@code cacheCreation} written to it; -1 when not reported), as the GenAI conventions count them.
     */
    public double cost(long inputTokens, long outputTokens, long cacheRead, long cacheCreation) {
        long read = Math.max(0, cacheRead);
        long written = Math.max(0, cacheCreation);
        long plainInput = Math.max(0, inputTokens - read - written);
        double micro = plainInput * input + read * cachedInput + written * cacheWrite + Math.max(0, outputTokens) * output;
        return micro / 1_000_000.0;
    }
}
