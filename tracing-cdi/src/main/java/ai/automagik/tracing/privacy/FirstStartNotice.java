package ai.automagik.tracing.privacy;

import ai.automagik.tracing.config.Secrets;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the operator once per application, on its first start with telemetry on, what the telemetry layer sends,
 * where to, and how to switch it off. A marker file per application (its service name) in the state directory
 * remembers that the notice was shown, so a second application on the same machine shows it too.
 */
public final class FirstStartNotice {

    static final String MARKER_PREFIX = "telemetry_notice_shown.";
    private static final int MAX_NAME = 64;

    private FirstStartNotice() {
    }

    /**
     * Logs the notice at INFO unless this application's marker exists in {@code stateDir}, then creates it. If the
     * marker cannot be written the notice is still logged (and will be again next start).
     *
     * @return whether the notice was logged
     */
    public static boolean logOnce(Path stateDir, String serviceName, String endpoint, Logger logger) {
        Path marker = stateDir.resolve(markerName(serviceName));
        if (Files.exists(marker)) {
            return false;
        }
        try {
            Files.createDirectories(stateDir);
            // createFile is atomic: of two instances of one application starting at once, only one logs the notice
            Files.createFile(marker);
            Files.writeString(marker, "The Automagik Tracing telemetry notice was logged for this application;"
                    + " delete to see it again.\n");
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            logger.log(Level.FINE, "cannot write " + marker + "; the telemetry notice will be logged again", e);
        }
        logger.info(message(endpoint));
        return true;
    }

    /** The marker's file name: the service name, with what a file name cannot hold replaced. */
    static String markerName(String serviceName) {
        String name = serviceName == null || serviceName.isBlank() ? "application" : serviceName.strip();
        StringBuilder safe = new StringBuilder(MARKER_PREFIX);
        for (int i = 0; i < name.length() && i < MAX_NAME; i++) {
            char c = name.charAt(i);
            safe.append(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_') ? c : '_');
        }
        return safe.toString();
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
