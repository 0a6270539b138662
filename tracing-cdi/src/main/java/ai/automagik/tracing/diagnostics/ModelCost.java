package ai.automagik.tracing.diagnostics;

/**
 * What the model calls of one model, made in one agent's runs, cost so far.
 *
 * @param model the model that answered
 * @param agent the agent run the calls were made in; empty when none
 * @param calls model calls with a cost
 * @param usd their cost in US dollars
 */
public record ModelCost(String model, String agent, long calls, double usd) {
}
