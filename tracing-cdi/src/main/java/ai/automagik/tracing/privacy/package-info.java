/**
 * Opt-out rules, anonymous ids, the sanitizer and the telemetry allowlist: what may leave the server.
 */
package ai.automagik.tracing.privacy;
