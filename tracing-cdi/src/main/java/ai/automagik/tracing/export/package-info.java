/**
 * The bounded asynchronous export pipeline, the OTLP/HTTP sender with retries, and the circuit-breaker hooks.
 */
package ai.automagik.tracing.export;
