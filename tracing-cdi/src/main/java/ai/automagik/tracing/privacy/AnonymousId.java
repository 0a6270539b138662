package ai.automagik.tracing.privacy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The anonymous installation id sent as {@code user.id}: read from {@code <stateDir>/anonymous_id},
 * else {@code sha256(os + "-" + arch + "-" + hostname)} cut to 16 hex chars and written there. The hash
 * keeps the id stable across restarts even where the state directory is not writable, without sending
 * the host name itself.
 */
public final class AnonymousId {

    public static final String FILE_NAME = "anonymous_id";

    /** Ids written by this class are 16 lower-case hex chars; older or hand-made ids may be longer. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private AnonymousId() {
    }

    /** The stored id, or a derived one that is stored now; a failure to read or write is not an error. */
    public static String loadOrCreate(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (VALID.matcher(stored).matches()) {
                    return stored;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or not UTF-8: derive the id again and try to replace the file
        }
        String id = derive(System.getProperty("os.name"), System.getProperty("os.arch"), hostname());
        try {
            Files.createDirectories(stateDir);
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // read-only or missing state directory: the derived id is stable anyway
        }
        return id;
    }

    static String derive(String os, String arch, String hostname) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((os + "-" + arch + "-" + hostname).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    static String hostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // no resolvable local host name, e.g. in a minimal container
        }
        String fromEnvironment = System.getenv("HOSTNAME");
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "unknown";
    }
}
