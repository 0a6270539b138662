package ai.automagik.tracing.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class OptOutChainTest {

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();

    private OptOutPolicy policy(boolean killSwitch, boolean telemetrySetting, boolean enableInCi) {
        return new OptOutPolicy(killSwitch, telemetrySetting, enableInCi,
                name -> Optional.ofNullable(environment.get(name)), home);
    }

    @Test
    void onByDefault() {
        assertThat(policy(false, true, false).evaluate()).isEqualTo(new OptOutState(true, true, null));
    }

    @Test
    void theRulesApplyInTheSpecOrder() throws IOException {
        environment.put("CI", "true");
        assertThat(policy(false, true, false).evaluate().reason()).isEqualTo("CI detected (CI)");
        assertThat(policy(false, true, true).evaluate().telemetryEnabled()).isTrue();

        assertThat(policy(false, false, true).evaluate().reason()).isEqualTo("AUTOMAGIK_TELEMETRY_ENABLED=false");

        Files.writeString(home.resolve(".automagik-no-telemetry"), "");
        assertThat(policy(false, false, true).evaluate().reason()).isEqualTo("file ~/.automagik-no-telemetry");

        environment.put("DO_NOT_TRACK", "1");
        assertThat(policy(false, true, true).evaluate()).isEqualTo(new OptOutState(true, false, "DO_NOT_TRACK=1"));

        Files.writeString(home.resolve(".automagik-no-tracing"), "");
        assertThat(policy(false, true, true).evaluate()).isEqualTo(
                new OptOutState(false, false, "file ~/.automagik-no-tracing"));

        assertThat(policy(true, true, true).evaluate()).isEqualTo(
                new OptOutState(false, false, "AUTOMAGIK_DISABLE_ALL_TRACING=true"));
    }

    @Test
    void everyCiVariableCountsButAFalseCiDoesNot() {
        for (String variable : OptOutPolicy.CI_VARIABLES) {
            environment.clear();
            environment.put(variable, "yes");
            assertThat(policy(false, true, false).evaluate().reason()).contains(variable);
        }
        environment.clear();
        environment.put("CI", "false");
        assertThat(policy(false, true, false).evaluate().telemetryEnabled()).isTrue();
    }

    @Test
    void theToggleWritesAndRemovesTheOptOutFile() {
        OptOutPolicy policy = policy(false, true, false);
        policy.setTelemetryEnabled(false);
        assertThat(home.resolve(".automagik-no-telemetry")).exists();
        assertThat(policy(false, true, false).evaluate().telemetryEnabled()).isFalse();
        policy.setTelemetryEnabled(true);
        assertThat(home.resolve(".automagik-no-telemetry")).doesNotExist();
        assertThat(policy.evaluate().telemetryEnabled()).isTrue();
    }

    @Test
    void homeFollowsAutomagikHomeThenHomeThenUserHome() {
        assertThat(OptOutPolicy.resolveHome("/a", name -> Optional.of("/b"))).hasToString("/a");
        assertThat(OptOutPolicy.resolveHome(null, name -> Optional.of("/b"))).hasToString("/b");
        assertThat(OptOutPolicy.resolveHome(null, name -> Optional.empty()))
                .hasToString(System.getProperty("user.home"));
    }

    @Test
    void anonymousIdIsStableWrittenAndSurvivesAnUnwritableDirectory() throws IOException {
        Path state = home.resolve(".automagik");
        String id = AnonymousId.loadOrCreate(state);
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(Files.readString(state.resolve("anonymous_id")).strip()).isEqualTo(id);
        assertThat(AnonymousId.loadOrCreate(state)).isEqualTo(id);
        Path blocked = home.resolve("file-not-dir");
        Files.writeString(blocked, "x");
        assertThat(AnonymousId.loadOrCreate(blocked.resolve("state"))).isEqualTo(id);
    }

    @Test
    void theFirstStartNoticeIsLoggedOncePerStateDirectory() {
        Logger logger = Logger.getLogger("notice-test");
        logger.setUseParentHandlers(false);
        StringBuilder logged = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.append(record.getMessage()).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            assertThat(FirstStartNotice.logOnce(home, "http://127.0.0.1:1/v1/traces", logger)).isTrue();
            assertThat(FirstStartNotice.logOnce(home, "http://127.0.0.1:1/v1/traces", logger)).isFalse();
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(logged.toString().lines()).hasSize(1);
        assertThat(logged.toString()).contains("http://127.0.0.1:1/v1/traces").contains("DO_NOT_TRACK=1")
                .contains(".automagik-no-telemetry");
    }
}
