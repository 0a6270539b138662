package ai.automagik.tracing.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptOutPolicyTest {

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();

    private OptOutPolicy policy(boolean killSwitch, boolean telemetrySetting, boolean enableInCi) {
        return new OptOutPolicy(killSwitch, telemetrySetting, enableInCi,
                name -> Optional.ofNullable(environment.get(name)), home);
    }

    private OptOutPolicy defaults() {
        return policy(false, true, false);
    }

    @Test
    void everythingIsOnWhenNoRuleApplies() {
        assertThat(defaults().evaluate()).isEqualTo(new OptOutState(true, true, null));
    }

    @Test
    void theKillSwitchTurnsBothLayersOff() {
        assertThat(policy(true, true, true).evaluate())
                .isEqualTo(new OptOutState(false, false, "AUTOMAGIK_DISABLE_ALL_TRACING=true"));
    }

    @Test
    void theNoTracingFileTurnsBothLayersOff() throws IOException {
        Files.writeString(home.resolve(".automagik-no-tracing"), "");
        assertThat(defaults().evaluate()).isEqualTo(new OptOutState(false, false, "file ~/.automagik-no-tracing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "TRUE", " 1 "})
    void doNotTrackTurnsTelemetryOff(String value) {
        environment.put("DO_NOT_TRACK", value);
        OptOutState state = defaults().evaluate();
        assertThat(state.tracingEnabled()).isTrue();
        assertThat(state.telemetryEnabled()).isFalse();
        assertThat(state.reason()).isEqualTo("DO_NOT_TRACK=" + value.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "false", "", "maybe"})
    void otherDoNotTrackValuesDoNotCount(String value) {
        environment.put("DO_NOT_TRACK", value);
        assertThat(defaults().evaluate().telemetryEnabled()).isTrue();
    }

    @Test
    void theNoTelemetryFileOrTheSettingTurnTelemetryOff() throws IOException {
        assertThat(policy(false, false, false).evaluate())
                .isEqualTo(new OptOutState(true, false, "AUTOMAGIK_TELEMETRY_ENABLED=false"));
        Files.writeString(home.resolve(".automagik-no-telemetry"), "");
        assertThat(defaults().evaluate()).isEqualTo(new OptOutState(true, false, "file ~/.automagik-no-telemetry"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CI", "GITHUB_ACTIONS", "GITLAB_CI", "CIRCLECI", "TRAVIS", "JENKINS_URL"})
    void eachCiVariableTurnsTracingOffUnlessEnabledInCi(String variable) {
        environment.put(variable, variable.equals("JENKINS_URL") ? "https://jenkins.example.com/" : "true");
        assertThat(defaults().evaluate()).isEqualTo(new OptOutState(false, false, "CI detected (" + variable + ")"));
        assertThat(policy(false, true, true).evaluate()).isEqualTo(new OptOutState(true, true, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "0", "no", "off", "", "   "})
    void aCiVariableSetToFalseOrBlankDoesNotCount(String value) {
        environment.put("CI", value);
        assertThat(defaults().evaluate().telemetryEnabled()).isTrue();
    }

    @Test
    void inCiObservabilityStaysOffWhenATelemetryRuleIsNamedFirst() throws IOException {
        environment.put("GITHUB_ACTIONS", "true");
        environment.put("DO_NOT_TRACK", "1");
        assertThat(defaults().evaluate()).isEqualTo(new OptOutState(false, false, "DO_NOT_TRACK=1"));
        environment.remove("DO_NOT_TRACK");
        Files.writeString(home.resolve(".automagik-no-telemetry"), "");
        assertThat(defaults().evaluate()).isEqualTo(new OptOutState(false, false, "file ~/.automagik-no-telemetry"));
        assertThat(policy(false, false, true).evaluate())
                .as("tracing enabled in CI: the telemetry rule alone applies")
                .isEqualTo(new OptOutState(true, false, "file ~/.automagik-no-telemetry"));
    }

    @Test
    void rulesApplyInTheOrderOfTheSpecification() throws IOException {
        // Every rule applies at first; removing the winning rule each time reveals the next one.
        environment.put("GITHUB_ACTIONS", "true");
        environment.put("DO_NOT_TRACK", "1");
        Path noTelemetry = Files.writeString(home.resolve(".automagik-no-telemetry"), "");
        Path noTracing = Files.writeString(home.resolve(".automagik-no-tracing"), "");

        assertThat(policy(true, false, false).evaluate().reason()).isEqualTo("AUTOMAGIK_DISABLE_ALL_TRACING=true");
        assertThat(policy(false, false, false).evaluate().reason()).isEqualTo("file ~/.automagik-no-tracing");
        Files.delete(noTracing);
        assertThat(policy(false, false, false).evaluate().reason()).isEqualTo("DO_NOT_TRACK=1");
        environment.remove("DO_NOT_TRACK");
        assertThat(policy(false, false, false).evaluate().reason()).isEqualTo("file ~/.automagik-no-telemetry");
        Files.delete(noTelemetry);
        assertThat(policy(false, false, false).evaluate().reason()).isEqualTo("AUTOMAGIK_TELEMETRY_ENABLED=false");
        assertThat(policy(false, true, false).evaluate().reason()).isEqualTo("CI detected (GITHUB_ACTIONS)");
        assertThat(policy(false, true, true).evaluate().reason()).isNull();
    }

    @Test
    void theToggleWritesAndRemovesTheNoTelemetryFileAndTakesEffectAtOnce() throws IOException {
        Path nested = home.resolve("not/yet/there");
        OptOutPolicy policy = new OptOutPolicy(false, true, false, name -> Optional.empty(), nested);
        assertThat(policy.home()).isEqualTo(nested);

        policy.setTelemetryEnabled(false);
        Path file = nested.resolve(".automagik-no-telemetry");
        assertThat(file).exists();
        assertThat(Files.readString(file)).contains("telemetry").contains("Delete this file");
        assertThat(policy.evaluate()).isEqualTo(new OptOutState(true, false, "file ~/.automagik-no-telemetry"));
        policy.setTelemetryEnabled(false);
        assertThat(file).exists();

        policy.setTelemetryEnabled(true);
        assertThat(file).doesNotExist();
        assertThat(policy.evaluate()).isEqualTo(new OptOutState(true, true, null));
        policy.setTelemetryEnabled(true);
        assertThat(file).doesNotExist();
    }

    @Test
    void enablingWithTheToggleDoesNotOverrideDoNotTrack() {
        environment.put("DO_NOT_TRACK", "1");
        OptOutPolicy policy = defaults();
        policy.setTelemetryEnabled(true);
        assertThat(policy.evaluate().telemetryEnabled()).isFalse();
    }

    @Test
    void aToggleThatCannotWriteFailsLoudly() throws IOException {
        Path notADirectory = Files.writeString(home.resolve("plain-file"), "x");
        OptOutPolicy policy = new OptOutPolicy(false, true, false, name -> Optional.empty(), notADirectory);
        assertThatThrownBy(() -> policy.setTelemetryEnabled(false)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(".automagik-no-telemetry");
    }

    @Test
    void homeIsAutomagikHomeThenTheHomeVariableThenUserHome() {
        assertThat(OptOutPolicy.resolveHome("/srv/automagik", name -> Optional.of("/home/x")))
                .isEqualTo(Path.of("/srv/automagik"));
        assertThat(OptOutPolicy.resolveHome(null, name -> name.equals("HOME") ? Optional.of("/home/x") : Optional.empty()))
                .isEqualTo(Path.of("/home/x"));
        assertThat(OptOutPolicy.resolveHome("  ", name -> Optional.of("/home/x"))).isEqualTo(Path.of("/home/x"));
        assertThat(OptOutPolicy.resolveHome(null, name -> Optional.of(" ")))
                .isEqualTo(Path.of(System.getProperty("user.home")));
        assertThat(OptOutPolicy.resolveHome(null, name -> Optional.empty()))
                .isEqualTo(Path.of(System.getProperty("user.home")));
    }
}
