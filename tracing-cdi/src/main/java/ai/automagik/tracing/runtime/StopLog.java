package ai.automagik.tracing.runtime;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs the line a stop ends with. When the stop comes from the JVM exiting (Ctrl+C, SIGTERM), java.util.logging's
 * own shutdown hook may already have closed and removed every handler (JDK-8161253) and a record logged then is
 * lost; the line then goes to the standard error stream, which servers keep in their logs.
 */
final class StopLog {

    private StopLog() {
    }

    static void info(Logger logger, String message) {
        if (!logger.isLoggable(Level.INFO)) {
            return;
        }
        if (handlersRemoved(logger)) {
            System.err.println("[INFO] " + logger.getName() + ": " + message);
        } else {
            logger.info(message);
        }
    }

    private static boolean handlersRemoved(Logger logger) {
        for (Logger current = logger; current != null; current = current.getUseParentHandlers() ? current.getParent() : null) {
            if (current.getHandlers().length > 0) {
                return false;
            }
        }
        return true;
    }
}
