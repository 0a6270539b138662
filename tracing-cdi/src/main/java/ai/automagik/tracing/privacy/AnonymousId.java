package ai.automagik.tracing.privacy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The anonymous installation id: read from {@code <state>/anonymous_id}, else the first 16 hex digits of
 * {@code sha256(os + "-" + arch + "-" + hostname)}, written there (a failure to write is not an error).
 * Only the hash leaves the machine, never the host name.
 */
public final class AnonymousId {

    static final String FILE = "anonymous_id";

    private AnonymousId() {
    }

    public static String loadOrCreate(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (stored.matches("[A-Za-z0-9-]{1,64}")) {
                    return stored;
                }
            }
        } catch (Exception e) {
            // unreadable: derive a fresh one below
        }
        String id = derive();
        try {
            Files.createDirectories(stateDir);
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        } catch (Exception e) {
            // a read-only home is not an error: the id is derived the same way next time
        }
        return id;
    }

    static String derive() {
        String source = System.getProperty("os.name", "") + "-" + System.getProperty("os.arch", "") + "-" + hostname();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown" : env;
        }
    }
}
