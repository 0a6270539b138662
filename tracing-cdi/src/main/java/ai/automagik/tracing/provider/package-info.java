/**
 * The observability layer (one destination per enabled provider) and the built-in providers: LangWatch, with its
 * own span convention, and any OTLP endpoint.
 */
package ai.automagik.tracing.provider;
