/**
 * The runtime: {@link ai.automagik.tracing.runtime.DefaultTracingManager} wires the tracer, its span processors,
 * the telemetry and observability layers and the opt-out rules, and answers the diagnostics view.
 */
package ai.automagik.tracing.runtime;
