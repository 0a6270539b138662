package ai.automagik.tracing.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The opt-out rules of SPEC "Privacy", first match wins:
 * <ol>
 * <li>{@code AUTOMAGIK_DISABLE_ALL_TRACING=true} — both layers off;</li>
 * <li>file {@code ~/.automagik-no-tracing} — both layers off;</li>
 * <li>{@code DO_NOT_TRACK=1} (or {@code true}) — telemetry off;</li>
 * <li>file {@code ~/.automagik-no-telemetry}, then {@code AUTOMAGIK_TELEMETRY_ENABLED=false} — telemetry off;</li>
 * <li>a CI variable ({@code CI}, {@code GITHUB_ACTIONS}, {@code GITLAB_CI}, {@code CIRCLECI}, {@code TRAVIS},
 *     {@code JENKINS_URL}) set, unless {@code AUTOMAGIK_ENABLE_TRACING_IN_CI=true} — both layers off, as the
 *     setting's name says ("tracing stays off in CI").</li>
 * </ol>
 * A CI variable counts when it is non-blank and not {@code false}, {@code 0}, {@code no} or {@code off}
 * (any case): {@code CI=false} is how people switch CI behaviour off locally. The files are read on every
 * {@link #evaluate()}, so a toggle takes effect at once and survives restarts.
 */
public final class OptOutPolicy {

    public static final String NO_TRACING_FILE = ".automagik-no-tracing";
    public static final String NO_TELEMETRY_FILE = ".automagik-no-telemetry";

    public static final List<String> CI_VARIABLES = List.of("CI", "GITHUB_ACTIONS", "GITLAB_CI", "CIRCLECI", "TRAVIS",
            "JENKINS_URL");
    private static final Set<String> FALSE_WORDS = Set.of("false", "0", "no", "off");
    private static final Set<String> DO_NOT_TRACK_WORDS = Set.of("1", "true");

    private final boolean killSwitch;
    private final boolean telemetryEnabledSetting;
    private final boolean enableTracingInCi;
    private final Function<String, Optional<String>> environment;
    private final Path home;

    /**
     * @param environment looks up plain environment variable names ({@code DO_NOT_TRACK}, {@code CI}…)
     * @param home        the directory of the {@code ~/.automagik-*} files, see {@link #resolveHome}
     */
    public OptOutPolicy(boolean killSwitch, boolean telemetryEnabledSetting, boolean enableTracingInCi,
            Function<String, Optional<String>> environment, Path home) {
        this.killSwitch = killSwitch;
        this.telemetryEnabledSetting = telemetryEnabledSetting;
        this.enableTracingInCi = enableTracingInCi;
        this.environment = environment;
        this.home = home;
    }

    /** {@code AUTOMAGIK_HOME} if set, else the {@code HOME} environment variable, else {@code user.home}. */
    public static Path resolveHome(String automagikHome, Function<String, Optional<String>> environment) {
        if (automagikHome != null && !automagikHome.isBlank()) {
            return Path.of(automagikHome.strip());
        }
        return environment.apply("HOME").filter(value -> !value.isBlank()).map(value -> Path.of(value.strip()))
                .orElseGet(() -> Path.of(System.getProperty("user.home")));
    }

    public Path home() {
        return home;
    }

    public OptOutState evaluate() {
        if (killSwitch) {
            return OptOutState.allOff("AUTOMAGIK_DISABLE_ALL_TRACING=true");
        }
        if (Files.exists(home.resolve(NO_TRACING_FILE))) {
            return OptOutState.allOff("file ~/" + NO_TRACING_FILE);
        }
        String telemetryRule = telemetryOptOut();
        String ciVariable = enableTracingInCi ? null : ciVariable();
        if (telemetryRule != null) {
            // opt-out wins: the first rule is the one named, but in CI observability stays off as well
            return ciVariable == null ? OptOutState.telemetryOff(telemetryRule) : OptOutState.allOff(telemetryRule);
        }
        return ciVariable == null ? OptOutState.allOn() : OptOutState.allOff("CI detected (" + ciVariable + ")");
    }

    /** The first rule that switches telemetry alone off, or null. */
    private String telemetryOptOut() {
        Optional<String> doNotTrack = variable("DO_NOT_TRACK");
        if (doNotTrack.isPresent() && DO_NOT_TRACK_WORDS.contains(doNotTrack.get().toLowerCase(Locale.ROOT))) {
            return "DO_NOT_TRACK=" + doNotTrack.get();
        }
        if (Files.exists(home.resolve(NO_TELEMETRY_FILE))) {
            return "file ~/" + NO_TELEMETRY_FILE;
        }
        return telemetryEnabledSetting ? null : "AUTOMAGIK_TELEMETRY_ENABLED=false";
    }

    private String ciVariable() {
        for (String name : CI_VARIABLES) {
            Optional<String> value = variable(name);
            if (value.isPresent() && !FALSE_WORDS.contains(value.get().toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
        return null;
    }

    /**
     * The admin console's toggle: {@code false} writes {@code ~/.automagik-no-telemetry} (creating the
     * directory), {@code true} removes it. Enabling cannot override the other rules: with
     * {@code DO_NOT_TRACK=1} telemetry stays off.
     *
     * @throws UncheckedIOException when the file cannot be written or removed
     */
    public void setTelemetryEnabled(boolean enabled) {
        Path file = home.resolve(NO_TELEMETRY_FILE);
        try {
            if (enabled) {
                Files.deleteIfExists(file);
            } else {
                Files.createDirectories(home);
                Files.writeString(file, """
                        Automagik Tracing: anonymous usage telemetry is switched off for this home directory.
                        Written by the admin console's telemetry toggle. Delete this file (or use the toggle)
                        to send anonymous usage events again. Detailed observability traces are not affected;
                        to switch off everything, create ~/.automagik-no-tracing instead.
                        """);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + (enabled ? "remove " : "write ") + file, e);
        }
    }

    private Optional<String> variable(String name) {
        Optional<String> value = environment.apply(name);
        return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
