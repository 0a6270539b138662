/**
 * Tail sampling as a span processor: per-trace buffers and the decision taken when a trace's local root ends;
 * kept traces go to every {@link ai.automagik.tracing.sampling.KeptTraces}.
 */
package ai.automagik.tracing.sampling;
