/**
 * The public API: {@link ai.automagik.tracing.Tracer} and {@link ai.automagik.tracing.SpanBuilder}, the spans,
 * {@link ai.automagik.tracing.TraceContext} and {@link ai.automagik.tracing.Scope}, the interceptor bindings,
 * {@link ai.automagik.tracing.TelemetryEvent}, {@link ai.automagik.tracing.TracingManager} and its metrics records.
 * Imports nothing of the implementation (only {@code ai.automagik.tracing.spi}, for the builder).
 */
package ai.automagik.tracing;
