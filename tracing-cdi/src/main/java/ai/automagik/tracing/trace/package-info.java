/**
 * Span recording: the tracer, live spans that only record, the per-thread current context, ended spans as
 * immutable {@link ai.automagik.tracing.trace.SpanData}, and the {@link ai.automagik.tracing.trace.SpanProcessor}
 * chain a span's end goes through. Knows no vendors and no telemetry schema.
 */
package ai.automagik.tracing.trace;
