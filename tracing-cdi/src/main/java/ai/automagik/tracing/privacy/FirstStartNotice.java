package ai.automagik.tracing.privacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.Logger;

/** The one-time notice, per state directory, of what telemetry sends, where, and how to opt out. */
public final class FirstStartNotice {

    static final String MARKER = "telemetry_notice_shown";

    private FirstStartNotice() {
    }

    /** Logs the notice unless it was shown for {@code stateDir} before; true when it logged. */
    public static boolean logOnce(Path stateDir, String endpoint, Logger logger) {
        Path marker = stateDir.resolve(MARKER);
        if (Files.exists(marker)) {
            return false;
        }
        logger.info("Automagik Tracing sends anonymous usage telemetry to " + endpoint + ": event types (agent run,"
                + " tool executed, LLM call, API request), durations, success, token counts, and OS/Java version."
                + " Never prompts, completions, tool arguments, personal data, keys or IP addresses. Opt out with"
                + " AUTOMAGIK_TELEMETRY_ENABLED=false, DO_NOT_TRACK=1, the file ~/.automagik-no-telemetry, or the"
                + " admin console's toggle.");
        try {
            Files.createDirectories(stateDir);
            Files.writeString(marker, Instant.now() + "\n", StandardCharsets.UTF_8);
        } catch (Exception e) {
            // cannot remember: the notice may show again next start, which is harmless
        }
        return true;
    }
}
