package ai.automagik.tracing.privacy;

import ai.automagik.tracing.config.Secrets;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the operator once, on the first start with telemetry on, what the telemetry layer sends, where to,
 * and how to switch it off. A marker file in the state directory remembers that the notice was shown.
 */
public final class FirstStartNotice {

    public static final String MARKER_FILE = "telemetry_notice_shown";

    private FirstStartNotice() {
    }

    /**
     * Logs the notice at INFO unless {@code <stateDir>/telemetry_notice_shown} exists, then creates that
     * file. If the marker cannot be written the notice is still logged (and will be again next start).
     *
     * @return whether the notice was logged
     */
    public static boolean logOnce(Path stateDir, String endpoint, Logger logger) {
        Path marker = stateDir.resolve(MARKER_FILE);
        if (Files.exists(marker)) {
            return false;
        }
        try {
            Files.createDirectories(stateDir);
            // createFile is atomic: of two applications starting at once, only one logs the notice.
            Files.createFile(marker);
            Files.writeString(marker, "The Automagik Tracing telemetry notice was logged; delete to see it again.\n");
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            logger.log(Level.FINE, "cannot write " + marker + "; the telemetry notice will be logged again", e);
        }
        logger.info(message(endpoint));
        return true;
    }

    static String message(String endpoint) {
        return "Automagik Tracing sends anonymous usage telemetry to " + withoutCredentials(endpoint)
                + ": event types (agent runs, tool and LLM calls, API requests), durations, success, and"
                + " OS/Java version and architecture, under an anonymous installation id. It never sends prompts,"
                + " completions, tool arguments, personal data or keys. To opt out set"
                + " AUTOMAGIK_TELEMETRY_ENABLED=false or DO_NOT_TRACK=1, run `touch ~/.automagik-no-telemetry`,"
                + " or switch telemetry off in the admin console.";
    }

    private static String withoutCredentials(String endpoint) {
        return endpoint == null ? "(no endpoint)" : Secrets.maskUrl(endpoint);
    }
}
