/**
 * The OpenTelemetry GenAI semantic conventions applied to ended spans, on export workers: attributes by role,
 * messages in the parts schema, then a provider's own convention.
 */
package ai.automagik.tracing.conventions;
