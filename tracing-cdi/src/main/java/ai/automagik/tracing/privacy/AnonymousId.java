package ai.automagik.tracing.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The anonymous installation id sent as {@code user.id}: read from {@code <stateDir>/anonymous_id}, else 16
 * random hex characters from a secure random source, written there. Nothing of the machine goes into it
 * (a hash of the host name is reversed with a dictionary of host names), so deleting the state directory
 * gives a new, unrelated id. Where the directory cannot be written the id lives as long as the application.
 */
public final class AnonymousId {

    public static final String FILE_NAME = "anonymous_id";

    /** Ids written by this class are 16 lower-case hex chars; older or hand-made ids may be longer. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AnonymousId() {
    }

    /** The stored id, or a new random one that is stored now; a failure to read or write is not an error. */
    public static String loadOrCreate(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        String stored = read(file);
        if (stored != null) {
            return stored;
        }
        String id = random();
        try {
            Files.createDirectories(stateDir);
            // CREATE_NEW: of two applications starting at once on one state directory, both end with the winner's id
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            String winner = read(file);
            if (winner != null) {
                return winner;
            }
            replace(file, id); // a file that holds no valid id
        } catch (IOException | RuntimeException e) {
            // read-only or missing state directory: this id lasts as long as the application
        }
        return id;
    }

    /** The stored id if there is a valid one; creates nothing. */
    public static String peek(Path stateDir) {
        return read(stateDir.resolve(FILE_NAME));
    }

    static String random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String read(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (VALID.matcher(stored).matches()) {
                    return stored;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or not UTF-8: treated as absent and replaced
        }
        return null;
    }

    private static void replace(Path file, String id) {
        try {
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // not writable: this id lasts as long as the application
        }
    }
}
