package ai.automagik.tracing.config;

/** How secrets are shown: at most the first four characters, then an ellipsis. */
public final class Secrets {

    private static final String MASK = "…";

    private Secrets() {
    }

    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return secret;
        }
        int shown = Math.min(4, secret.length() / 3);
        return secret.substring(0, shown) + MASK;
    }

    /**
     * A URL as it may be shown: user info, every query value and the fragment masked, since any of them
     * may carry a credential ({@code https://user:key@host/v1/traces?token=…}). Works on text that is not
     * a valid URI too, so an invalid setting can be named in an error without showing its secret.
     */
    public static String maskUrl(String url) {
        if (url == null || url.isEmpty()) {
            return url;
        }
        int schemeEnd = url.indexOf("://");
        int authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int authorityEnd = indexOfAny(url, authorityStart, "/?#");
        StringBuilder shown = new StringBuilder(url.length());
        shown.append(url, 0, authorityStart);
        String authority = url.substring(authorityStart, authorityEnd);
        int at = authority.lastIndexOf('@');
        shown.append(at < 0 ? authority : MASK + authority.substring(at));
        int fragmentStart = url.indexOf('#', authorityEnd);
        int queryStart = url.indexOf('?', authorityEnd);
        if (fragmentStart >= 0 && queryStart > fragmentStart) {
            queryStart = -1;
        }
        int pathEnd = queryStart >= 0 ? queryStart : fragmentStart >= 0 ? fragmentStart : url.length();
        shown.append(url, authorityEnd, pathEnd);
        if (queryStart >= 0) {
            String query = url.substring(queryStart + 1, fragmentStart > queryStart ? fragmentStart : url.length());
            shown.append('?');
            String[] parameters = query.split("&", -1);
            for (int i = 0; i < parameters.length; i++) {
                int eq = parameters[i].indexOf('=');
                shown.append(i == 0 ? "" : "&").append(eq < 0 ? MASK : parameters[i].substring(0, eq + 1) + MASK);
            }
        }
        if (fragmentStart >= 0) {
            shown.append('#').append(MASK);
        }
        return shown.toString();
    }

    private static int indexOfAny(String text, int from, String characters) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
