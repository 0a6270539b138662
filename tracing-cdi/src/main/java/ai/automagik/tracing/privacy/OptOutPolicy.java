package ai.automagik.tracing.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The opt-out chain, checked in this order, first match wins: the kill switch; the file
 * {@code ~/.automagik-no-tracing} (both layers off); {@code DO_NOT_TRACK}; the file
 * {@code ~/.automagik-no-telemetry} or {@code AUTOMAGIK_TELEMETRY_ENABLED=false}; a CI environment
 * unless tracing is enabled in CI. The runtime toggle writes or removes {@code ~/.automagik-no-telemetry}.
 */
public final class OptOutPolicy {

    public static final String NO_TRACING_FILE = ".automagik-no-tracing";
    public static final String NO_TELEMETRY_FILE = ".automagik-no-telemetry";
    static final List<String> CI_VARIABLES = List.of("CI", "GITHUB_ACTIONS", "GITLAB_CI", "CIRCLECI", "TRAVIS",
            "JENKINS_URL");

    private final boolean killSwitch;
    private final boolean telemetryEnabledSetting;
    private final boolean enableTracingInCi;
    private final Function<String, Optional<String>> environment;
    private final Path home;

    public OptOutPolicy(boolean killSwitch, boolean telemetryEnabledSetting, boolean enableTracingInCi,
            Function<String, Optional<String>> environment, Path home) {
        this.killSwitch = killSwitch;
        this.telemetryEnabledSetting = telemetryEnabledSetting;
        this.enableTracingInCi = enableTracingInCi;
        this.environment = environment;
        this.home = home;
    }

    /** {@code AUTOMAGIK_HOME} if set, else {@code $HOME}, else the JVM's {@code user.home} (the JVM ignores $HOME). */
    public static Path resolveHome(String automagikHome, Function<String, Optional<String>> environment) {
        if (automagikHome != null && !automagikHome.isBlank()) {
            return Paths.get(automagikHome);
        }
        return environment.apply("HOME").filter(h -> !h.isBlank()).map(Paths::get)
                .orElseGet(() -> Paths.get(System.getProperty("user.home")));
    }

    public Path home() {
        return home;
    }

    public OptOutState evaluate() {
        if (killSwitch) {
            return new OptOutState(false, false, "AUTOMAGIK_DISABLE_ALL_TRACING=true");
        }
        if (Files.exists(home.resolve(NO_TRACING_FILE))) {
            return new OptOutState(false, false, "file ~/" + NO_TRACING_FILE);
        }
        Optional<String> doNotTrack = env("DO_NOT_TRACK");
        if (doNotTrack.isPresent() && (doNotTrack.get().equals("1") || doNotTrack.get().equalsIgnoreCase("true"))) {
            return new OptOutState(true, false, "DO_NOT_TRACK=" + doNotTrack.get());
        }
        if (Files.exists(home.resolve(NO_TELEMETRY_FILE))) {
            return new OptOutState(true, false, "file ~/" + NO_TELEMETRY_FILE);
        }
        if (!telemetryEnabledSetting) {
            return new OptOutState(true, false, "AUTOMAGIK_TELEMETRY_ENABLED=false");
        }
        if (!enableTracingInCi) {
            for (String variable : CI_VARIABLES) {
                Optional<String> value = env(variable);
                if (value.isPresent() && !value.get().isBlank() && !value.get().equalsIgnoreCase("false")
                        && !value.get().equals("0")) {
                    return new OptOutState(true, false, "CI detected (" + variable + ")");
                }
            }
        }
        return new OptOutState(true, true, null);
    }

    /** The persistent toggle: removes or writes {@code ~/.automagik-no-telemetry}. */
    public void setTelemetryEnabled(boolean enabled) {
        Path marker = home.resolve(NO_TELEMETRY_FILE);
        try {
            if (enabled) {
                Files.deleteIfExists(marker);
            } else {
                Files.createDirectories(home);
                Files.writeString(marker, "Automagik telemetry is off for this home directory; delete this file"
                        + " (or use the admin console) to turn it back on.\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not " + (enabled ? "remove " : "write ") + marker, e);
        }
    }

    private Optional<String> env(String name) {
        try {
            return environment.apply(name).map(String::strip);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
