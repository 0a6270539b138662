/**
 * OTLP's wire form of a span ({@link ai.automagik.tracing.otlp.OtlpSpan}, attributes, resource) and its OTLP/HTTP
 * JSON encoding. A leaf: imports nothing of the product.
 */
package ai.automagik.tracing.otlp;
