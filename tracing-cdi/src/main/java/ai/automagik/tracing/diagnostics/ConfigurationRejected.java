package ai.automagik.tracing.diagnostics;

/**
 * A CDI event fired once when the application starts with an invalid tracing setting, just before its deployment
 * fails: an extension of a one-application server (such as the reference deployment) may observe it to stop the
 * process rather than run without the application.
 *
 * @param setting the setting as its environment variable (or, for another specification's setting, its property)
 * @param message the one line that was logged: the setting, its value (masked when secret) and what is allowed
 */
public record ConfigurationRejected(String setting, String message) {
}
