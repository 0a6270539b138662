/**
 * The read-only view operators use: {@link ai.automagik.tracing.diagnostics.TracingDiagnostics} and the records it
 * answers with. Public; imports only the public API.
 */
package ai.automagik.tracing.diagnostics;
