package ai.automagik.tracing.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The stop line reaches a handler while there is one, and the standard error stream once the JVM removed them all. */
class StopLogTest {

    private final Logger logger = Logger.getLogger(StopLogTest.class.getName() + ".stop");
    private final PrintStream standardError = System.err;

    @AfterEach
    void restore() {
        System.setErr(standardError);
        for (Handler handler : logger.getHandlers()) {
            logger.removeHandler(handler);
        }
        logger.setUseParentHandlers(true);
    }

    @Test
    void withAHandlerTheLineIsLogged() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        ByteArrayOutputStream err = captureStandardError();
        StopLog.info(logger, "stopped: queued=3 processed=3");
        assertThat(records).extracting(LogRecord::getMessage).containsExactly("stopped: queued=3 processed=3");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void withEveryHandlerRemovedTheLineGoesToStandardError() {
        logger.setUseParentHandlers(false); // as after LogManager.reset(): no handler anywhere on the way up
        ByteArrayOutputStream err = captureStandardError();
        StopLog.info(logger, "stopped: queued=3 processed=3");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stopped: queued=3 processed=3")
                .contains(logger.getName());
    }

    private ByteArrayOutputStream captureStandardError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        return err;
    }
}
