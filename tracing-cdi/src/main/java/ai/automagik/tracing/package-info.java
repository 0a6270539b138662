/**
 * The public API: {@link ai.automagik.tracing.Tracer}, {@link ai.automagik.tracing.TracingManager}, the interceptor bindings, the {@link ai.automagik.tracing.ObservabilityProvider} SPI and the metrics records.
 */
package ai.automagik.tracing;
