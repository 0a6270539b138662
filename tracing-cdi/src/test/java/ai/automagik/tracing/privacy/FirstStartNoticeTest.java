package ai.automagik.tracing.privacy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class FirstStartNoticeTest {

    private static final String ENDPOINT = "http://127.0.0.1:4318/v1/traces";

    @TempDir
    Path state;

    private final Logger logger = Logger.getLogger(FirstStartNoticeTest.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
            records.add(logRecord);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(true);
    }

    @Test
    void theNoticeIsLoggedOncePerApplicationAndStateDirectory() {
        assertThat(FirstStartNotice.logOnce(state, "orders", ENDPOINT, logger)).isTrue();
        assertThat(FirstStartNotice.logOnce(state, "orders", ENDPOINT, logger)).isFalse();

        assertThat(records).hasSize(1);
        LogRecord notice = records.get(0);
        assertThat(notice.getLevel()).isEqualTo(Level.INFO);
        assertThat(notice.getMessage()).contains(ENDPOINT).contains("anonymous").contains("never sends prompts")
                .contains("AUTOMAGIK_TELEMETRY_ENABLED=false").contains("DO_NOT_TRACK=1")
                .contains("~/.automagik-no-telemetry").contains("admin console").doesNotContain("\n");
        assertThat(state.resolve("telemetry_notice_shown.orders")).exists();

        assertThat(FirstStartNotice.logOnce(state.resolve("other-server"), "orders", ENDPOINT, logger)).isTrue();
        assertThat(records).hasSize(2);
        // a second application on the same machine, with the same state directory
        assertThat(FirstStartNotice.logOnce(state, "billing agents", ENDPOINT, logger)).isTrue();
        assertThat(FirstStartNotice.logOnce(state, "billing agents", ENDPOINT, logger)).isFalse();
        assertThat(records).hasSize(3);
        assertThat(state.resolve("telemetry_notice_shown.billing_agents")).exists();
        assertThat(FirstStartNotice.markerName("../../etc/passwd")).isEqualTo("telemetry_notice_shown.______etc_passwd");
    }

    @Test
    void credentialsInTheEndpointAreNotLogged() {
        FirstStartNotice.logOnce(state, "orders", "https://user:s3cr3t@telemetry.example.com/v1/traces?key=s3cr3t", logger);
        assertThat(records).singleElement().extracting(LogRecord::getMessage).asString()
                .contains("https://…@telemetry.example.com/v1/traces?key=…").doesNotContain("s3cr3t");
    }

    @Test
    void withoutAWritableStateDirectoryTheNoticeIsStillLoggedEachTime() throws IOException {
        Path blocked = Files.writeString(state.resolve("file-not-dir"), "x").resolve("state");
        assertThat(FirstStartNotice.logOnce(blocked, "orders", ENDPOINT, logger)).isTrue();
        assertThat(FirstStartNotice.logOnce(blocked, "orders", ENDPOINT, logger)).isTrue();
        assertThat(records).filteredOn(r -> r.getLevel() == Level.INFO).hasSize(2);
    }
}
