/**
 * The anonymous usage layer: the span processor turning ended agent, tool, model and command spans into events,
 * and the destination that allowlists, scrubs and sends them in the original system's envelope.
 */
package ai.automagik.tracing.telemetry;
