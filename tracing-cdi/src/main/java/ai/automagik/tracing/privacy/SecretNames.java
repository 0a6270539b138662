package ai.automagik.tracing.privacy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a field, parameter or header name announces a secret value ({@code password},
 * {@code apiKey}, {@code X-Auth-Token}, {@code aws_secret_access_key}…).
 *
 * <p>Long words are matched as substrings of the name with separators removed ({@code accesstoken},
 * {@code setcookie}). Short words ({@code key}, {@code auth}, {@code pwd}) only count as a whole name part,
 * so {@code monkey} and {@code author} stay readable. A name whose last part describes the secret rather
 * than holding it ({@code max_tokens}, {@code token_count}, {@code key_type}, {@code secret_name}) is
 * not a secret.
 *
 * <p>Portuguese and Spanish names count too: {@code senha}, {@code contraseña}, {@code clave}, {@code chave},
 * {@code segredo}, {@code secreto}, {@code palavra-passe}, {@code token_acesso}; accents are ignored
 * ({@code contraseña} = {@code contrasena}), and {@code senha} is a whole part, so {@code resenha} (a review)
 * stays. Words with {@code chave}/{@code clave} inside ({@code chaveiro}, {@code autoclave}) stay as
 * {@code monkey} does.
 */
final class SecretNames {

    private static final List<String> SECRET_FRAGMENTS = List.of("password", "passwd", "passphrase", "secret",
            "token", "apikey", "credential", "authorization", "authorisation", "privatekey", "cookie", "accesskey",
            "signingkey", "clientsecret", "contrasena", "segredo", "palavrapasse");

    private static final Set<String> SECRET_PARTS = Set.of("key", "keys", "auth", "oauth", "pwd", "pass", "pw",
            "bearer", "jwt", "otp", "senha", "senhas", "chave", "chaves", "clave", "claves", "llave");

    private static final Set<String> DESCRIPTIVE_LAST_PARTS = Set.of("tokens", "count", "limit", "max", "min",
            "length", "len", "size", "type", "ttl", "expiry", "expires", "expiration", "name", "url", "uri",
            "endpoint", "file", "path", "policy", "header", "enabled", "required", "tipo", "nome", "nombre", "tamanho",
            "tamano", "limite");

    /** Query parameters that carry one-time credentials although their names do not say so. */
    private static final Set<String> QUERY_SECRETS = Set.of("code", "sig", "signature", "sid", "jsessionid");

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private SecretNames() {
    }

    static boolean looksSecret(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        List<String> parts = parts(name);
        if (parts.isEmpty() || DESCRIPTIVE_LAST_PARTS.contains(parts.get(parts.size() - 1))) {
            return false;
        }
        String compact = String.join("", parts);
        for (String fragment : SECRET_FRAGMENTS) {
            if (compact.contains(fragment) && !(fragment.equals("token") && compact.contains("tokeniz"))) {
                return true;
            }
        }
        for (String part : parts) {
            if (SECRET_PARTS.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #looksSecret}, plus names that are secret only as URL query parameters ({@code ?code=}). */
    static boolean looksSecretInQuery(String name) {
        return looksSecret(name) || parts(name).stream().anyMatch(QUERY_SECRETS::contains);
    }

    /**
     * Lower-case parts without accents, split at separators and camel-case humps: {@code xApiKey} → x, api,
     * key; {@code contraseñaBD} → contrasena, bd.
     */
    static List<String> parts(String original) {
        String name = COMBINING_MARKS.matcher(Normalizer.normalize(original, Normalizer.Form.NFD)).replaceAll("");
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(current, parts);
                continue;
            }
            boolean hump = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1));
            if (hump) {
                flush(current, parts);
            }
            current.append(Character.toLowerCase(c));
        }
        flush(current, parts);
        return parts;
    }

    private static void flush(StringBuilder current, List<String> parts) {
        if (current.length() > 0) {
            parts.add(current.toString());
            current.setLength(0);
        }
    }
}
