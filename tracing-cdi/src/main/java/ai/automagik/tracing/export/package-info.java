/**
 * Destinations, built by one factory: the bounded asynchronous pipeline, the OTLP/HTTP sender with retries and
 * {@code Retry-After}, the circuit-breaker state, recent payloads.
 */
package ai.automagik.tracing.export;
