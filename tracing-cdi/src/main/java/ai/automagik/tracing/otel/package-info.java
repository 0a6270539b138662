/** The bridge to OpenTelemetry's context, loaded only when the OpenTelemetry API is present. */
package ai.automagik.tracing.otel;
