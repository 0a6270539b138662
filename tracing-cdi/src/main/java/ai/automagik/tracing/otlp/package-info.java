/**
 * The span data model and its OTLP/HTTP JSON encoding.
 */
package ai.automagik.tracing.otlp;
