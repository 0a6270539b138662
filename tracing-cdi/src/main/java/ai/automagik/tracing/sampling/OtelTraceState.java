package ai.automagik.tracing.sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenTelemetry's member of a W3C {@code tracestate} ({@code ot=th:c;rv:6e6d1a75832a2f}): the sampling threshold
 * {@code th} and the explicit randomness {@code rv}, plus sub-keys of later versions, kept as they are. Parsed
 * leniently as the specification's reference does: an {@code ot} value over 256 characters or with any syntax
 * error counts as absent; a malformed {@code th} or {@code rv} alone is ignored; either way {@link #malformed()}
 * says so, for the counters. Immutable.
 */
public final class OtelTraceState {

    static final int MAX_VALUE = 256;
    private static final String KEY = "ot";
    static final OtelTraceState EMPTY = new OtelTraceState(-1, -1, List.of(), false, "");

    private final long threshold;
    private final long randomness;
    private final List<String> others;
    private final boolean malformed;
    /** The tracestate's other members, joined by commas, in their order. */
    private final String otherMembers;

    private OtelTraceState(long threshold, long randomness, List<String> others, boolean malformed,
            String otherMembers) {
        this.threshold = threshold;
        this.randomness = randomness;
        this.others = others;
        this.malformed = malformed;
        this.otherMembers = otherMembers;
    }

    /** The {@code ot} member of a valid {@code tracestate} value ({@code key=value} joined by commas). */
    public static OtelTraceState parse(String traceState) {
        if (traceState == null || traceState.isEmpty()) {
            return EMPTY;
        }
        String ot = null;
        StringBuilder rest = new StringBuilder();
        for (String member : traceState.split(",")) {
            if (member.startsWith(KEY + "=") && ot == null) {
                ot = member.substring(KEY.length() + 1);
            } else {
                rest.append(rest.length() == 0 ? "" : ",").append(member);
            }
        }
        if (ot == null) {
            return new OtelTraceState(-1, -1, List.of(), false, rest.toString());
        }
        if (ot.length() > MAX_VALUE) {
            return new OtelTraceState(-1, -1, List.of(), true, rest.toString());
        }
        long th = -1;
        long rv = -1;
        boolean malformed = false;
        List<String> others = new ArrayList<>();
        for (String pair : ot.split(";", -1)) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || !validSubKey(pair, colon) || !validSubValue(pair, colon + 1)) {
                return new OtelTraceState(-1, -1, List.of(), true, rest.toString());
            }
            String key = pair.substring(0, colon);
            String value = pair.substring(colon + 1);
            switch (key) {
                case "th" -> {
                    th = ConsistentProbability.decodeThreshold(value);
                    malformed |= th < 0;
                }
                case "rv" -> {
                    rv = ConsistentProbability.decodeRandomness(value);
                    malformed |= rv < 0;
                }
                default -> others.add(pair);
            }
        }
        return new OtelTraceState(th, rv, List.copyOf(others), malformed, rest.toString());
    }

    /** The threshold, -1 when absent or malformed. */
    public long threshold() {
        return threshold;
    }

    /** The explicit randomness, -1 when absent or malformed. */
    public long randomness() {
        return randomness;
    }

    /** Whether an {@code ot} value, or a {@code th} or {@code rv} in it, was malformed (and ignored). */
    public boolean malformed() {
        return malformed;
    }

    /**
     * The {@code tracestate} to send on: the {@code ot} member first (modified members go to the left) with
     * {@code th} set to {@code newThreshold} (or removed, for -1), {@code rv} and other sub-keys unchanged, then
     * the other members in their order, at most 32 in all (the right-most go first).
     */
    public String withThreshold(long newThreshold) {
        StringBuilder ot = new StringBuilder();
        if (newThreshold >= 0 && newThreshold < ConsistentProbability.MAX_THRESHOLD) {
            ot.append("th:").append(ConsistentProbability.encode(newThreshold));
        }
        if (randomness >= 0) {
            ot.append(ot.length() == 0 ? "" : ";").append("rv:").append(ConsistentProbability.encodeRandomness(randomness));
        }
        for (String pair : others) {
            if (ot.length() + pair.length() + 1 > MAX_VALUE) {
                break;
            }
            ot.append(ot.length() == 0 ? "" : ";").append(pair);
        }
        if (ot.length() == 0) {
            return otherMembers;
        }
        String members = otherMembers.isEmpty() ? "" : otherMembers;
        String result = KEY + "=" + ot + (members.isEmpty() ? "" : "," + members);
        String[] all = result.split(",");
        if (all.length > 32) {
            result = String.join(",", java.util.Arrays.copyOf(all, 32));
        }
        return result;
    }

    private static boolean validSubKey(String pair, int end) {
        char first = pair.charAt(0);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = pair.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean validSubValue(String pair, int start) {
        if (start >= pair.length()) {
            return false;
        }
        for (int i = start; i < pair.length(); i++) {
            char c = pair.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
