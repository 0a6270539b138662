package ai.automagik.tracing.diagnostics;

/**
 * One effective setting as shown to operators.
 *
 * @param value the effective value, masked when the key is secret; {@code null} when unset
 * @param source where it came from: {@code default}, or the config source's name
 *        (environment, system properties, microprofile-config.properties, …)
 */
public record ConfigurationEntry(String property, String environmentVariable, String value, String source,
        boolean secret, String description) {
}
