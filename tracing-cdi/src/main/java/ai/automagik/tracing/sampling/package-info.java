/**
 * Tail sampling: per-trace buffers and the decision taken when a trace's root span ends.
 */
package ai.automagik.tracing.sampling;
