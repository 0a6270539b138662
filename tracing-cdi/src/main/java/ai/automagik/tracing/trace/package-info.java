/**
 * The tracer implementation: spans, the per-thread current context, and the plain-Java runtime.
 */
package ai.automagik.tracing.trace;
