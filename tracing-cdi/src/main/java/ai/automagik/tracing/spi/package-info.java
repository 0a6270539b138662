/**
 * The service provider interface: what plugs into the runtime. An {@link ai.automagik.tracing.spi.ObservabilityProvider}
 * (a destination for detailed traces, with its {@link ai.automagik.tracing.spi.SpanConvention} and
 * {@link ai.automagik.tracing.spi.SendGuard} circuit breaker), the {@link ai.automagik.tracing.spi.Settings} it reads,
 * and the {@link ai.automagik.tracing.spi.Clock} the runtime reads time from. Imports nothing but the public API.
 */
package ai.automagik.tracing.spi;
