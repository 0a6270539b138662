package ai.automagik.tracing.config;

/** An invalid configuration value; the message names the key, the value and what is allowed. */
public final class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient ConfigKey key;

    public InvalidConfigurationException(ConfigKey key, String shownValue, String allowed) {
        super("Invalid Automagik Tracing configuration: " + key.environmentVariable() + " (" + key.property()
                + ") = '" + shownValue + "'; allowed: " + allowed);
        this.key = key;
    }

    public ConfigKey key() {
        return key;
    }
}
