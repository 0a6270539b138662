package ai.automagik.tracing.config;

/** How secrets are shown: at most the first four characters, then an ellipsis. */
public final class Secrets {

    private Secrets() {
    }

    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return secret;
        }
        int shown = Math.min(4, secret.length() / 3);
        return secret.substring(0, shown) + "…";
    }
}
