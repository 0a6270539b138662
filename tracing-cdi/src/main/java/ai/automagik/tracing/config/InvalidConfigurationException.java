package ai.automagik.tracing.config;

/** An invalid configuration value; the message names the key, the value and what is allowed. */
public final class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient ConfigKey key;
    private final String setting;

    public InvalidConfigurationException(ConfigKey key, String shownValue, String allowed) {
        super("Invalid Automagik Tracing configuration: " + key.environmentVariable() + " (" + key.property()
                + ") = '" + shownValue + "'; allowed: " + allowed);
        this.key = key;
        this.setting = key.environmentVariable();
    }

    /** For a setting of another specification the product reads (MicroProfile Fault Tolerance's overrides). */
    public InvalidConfigurationException(String property, String shownValue, String allowed) {
        super("Invalid Automagik Tracing configuration: " + property + " = '" + shownValue + "'; allowed: " + allowed);
        this.key = null;
        this.setting = property;
    }

    /** The setting as its environment variable, or another specification's property. */
    public String setting() {
        return setting;
    }

    /** The product's key, null for another specification's setting. */
    public ConfigKey key() {
        return key;
    }
}
