/**
 * The telemetry layer and the observability layer with its built-in providers (LangWatch, generic OTLP).
 */
package ai.automagik.tracing.provider;
