/**
 * What model calls cost, computed here from token usage and a versioned price table: the defaults shipped with the
 * library ({@code prices.csv}), overridden by a file ({@code AUTOMAGIK_PRICES_FILE}) and by settings
 * ({@code AUTOMAGIK_PRICES}). A model missing from the table has no cost, never an error.
 */
package ai.automagik.tracing.cost;
