package ai.automagik.tracing;

import java.util.List;
import java.util.Optional;

/**
 * The identity of a span within its trace, as carried by the W3C {@code traceparent} and {@code tracestate}
 * headers: a 128-bit trace id, a 64-bit span id, the trace flags (sampled; Level 2's random trace id) and the
 * vendors' trace state. Immutable.
 */
public final class TraceContext {

    /** The trace flag saying the caller recorded (sampled) the trace. */
    public static final int FLAG_SAMPLED = 0x01;
    /** W3C Trace Context Level 2: the trace id's right-most 7 bytes are random. */
    public static final int FLAG_RANDOM = 0x02;

    /** No trace: new spans under it start a new trace. */
    public static final TraceContext INVALID = new TraceContext(0, 0, 0, 0, false, "", false);

    private static final int MAX_HEADER_LENGTH = 512;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final long traceIdHigh;
    private final long traceIdLow;
    private final long spanId;
    private final int flags;
    private final boolean remote;
    private final String traceState;
    private final boolean traceStateRejected;

    private TraceContext(long traceIdHigh, long traceIdLow, long spanId, int flags, boolean remote, String traceState,
            boolean traceStateRejected) {
        this.traceIdHigh = traceIdHigh;
        this.traceIdLow = traceIdLow;
        this.spanId = spanId;
        this.flags = flags & (FLAG_SAMPLED | FLAG_RANDOM);
        this.remote = remote;
        this.traceState = traceState == null ? "" : traceState;
        this.traceStateRejected = traceStateRejected;
    }

    public static TraceContext of(long traceIdHigh, long traceIdLow, long spanId, boolean sampled) {
        return of(traceIdHigh, traceIdLow, spanId, sampled ? FLAG_SAMPLED : 0, "");
    }

    /**
     * A context of this process; {@code flags} as {@link #FLAG_SAMPLED} and {@link #FLAG_RANDOM} (other bits are
     * dropped), {@code traceState} a valid {@code tracestate} value or empty.
     */
    public static TraceContext of(long traceIdHigh, long traceIdLow, long spanId, int flags, String traceState) {
        if ((traceIdHigh == 0 && traceIdLow == 0) || spanId == 0) {
            return INVALID;
        }
        return new TraceContext(traceIdHigh, traceIdLow, spanId, flags, false, traceState, false);
    }

    /**
     * An incoming request's context from its headers, as the W3C processing model reads them: exactly one
     * {@code traceparent} field (none, or two, means the trace restarts: empty), and the {@code tracestate} fields
     * combined in order, only when the {@code traceparent} is valid. A {@code tracestate} that is invalid as a
     * whole (a bad member, more than 32 members) is dropped and {@link #traceStateRejected()} says so.
     */
    public static Optional<TraceContext> fromHeaders(List<String> traceparents, List<String> tracestates) {
        if (traceparents == null || traceparents.size() != 1) {
            return Optional.empty();
        }
        return fromTraceparent(traceparents.get(0)).map(context -> {
            TraceStateHeader.Result state = TraceStateHeader.parse(tracestates);
            return new TraceContext(context.traceIdHigh, context.traceIdLow, context.spanId, context.flags, true,
                    state.value(), state.rejected());
        });
    }

    /**
     * Parses a W3C {@code traceparent} header. Anything malformed (wrong length, upper-case or non-hex
     * digits, all-zero ids, version {@code ff}, oversized) gives an empty result and never throws.
     */
    public static Optional<TraceContext> fromTraceparent(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.length() < 55 || value.length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        if (value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return Optional.empty();
        }
        int version = parseHexByte(value, 0);
        if (version < 0 || version == 0xff) {
            return Optional.empty();
        }
        // version 00 has exactly four fields; a later version may append more after a dash
        if (value.length() > 55 && (version == 0 || value.charAt(55) != '-')) {
            return Optional.empty();
        }
        long high = parseHexLong(value, 3);
        long low = parseHexLong(value, 19);
        long span = parseHexLong(value, 36);
        int flags = parseHexByte(value, 53);
        if (high == -1 && !isHex(value, 3, 16) || low == -1 && !isHex(value, 19, 16)
                || span == -1 && !isHex(value, 36, 16) || flags < 0) {
            return Optional.empty();
        }
        if ((high == 0 && low == 0) || span == 0) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(high, low, span, flags, true, "", false));
    }

    /** This context with another {@code tracestate} value (already valid) and trace flags. */
    public TraceContext with(int newFlags, String newTraceState) {
        if (!isValid()) {
            return this;
        }
        return new TraceContext(traceIdHigh, traceIdLow, spanId, newFlags, remote, newTraceState, traceStateRejected);
    }

    public boolean isValid() {
        return spanId != 0;
    }

    public boolean isSampled() {
        return (flags & FLAG_SAMPLED) != 0;
    }

    /** The W3C Level 2 random flag: the trace id's right-most 56 bits are random. */
    public boolean isRandom() {
        return (flags & FLAG_RANDOM) != 0;
    }

    /** The trace flags as {@link #FLAG_SAMPLED} and {@link #FLAG_RANDOM}; other bits are always 0. */
    public int traceFlags() {
        return flags;
    }

    /** The vendors' {@code tracestate} members, {@code key=value} joined by commas; empty when none. */
    public String traceState() {
        return traceState;
    }

    /** Whether the incoming {@code tracestate} was invalid and therefore dropped. */
    public boolean traceStateRejected() {
        return traceStateRejected;
    }

    /** True when the context came from another process (an incoming header). */
    public boolean isRemote() {
        return remote;
    }

    public long traceIdHigh() {
        return traceIdHigh;
    }

    public long traceIdLow() {
        return traceIdLow;
    }

    public long spanIdValue() {
        return spanId;
    }

    /** 32 lowercase hex digits. */
    public String traceId() {
        char[] out = new char[32];
        writeHex(traceIdHigh, out, 0);
        writeHex(traceIdLow, out, 16);
        return new String(out);
    }

    /** 16 lowercase hex digits. */
    public String spanId() {
        return hex(spanId);
    }

    /** {@code 00-<trace-id>-<span-id>-<flags>}. */
    public String toTraceparent() {
        char[] out = new char[55];
        out[0] = '0';
        out[1] = '0';
        out[2] = '-';
        writeHex(traceIdHigh, out, 3);
        writeHex(traceIdLow, out, 19);
        out[35] = '-';
        writeHex(spanId, out, 36);
        out[52] = '-';
        out[53] = '0';
        out[54] = HEX[flags];
        return new String(out);
    }

    public static String hex(long value) {
        char[] out = new char[16];
        writeHex(value, out, 0);
        return new String(out);
    }

    static void writeHex(long value, char[] out, int offset) {
        for (int i = 15; i >= 0; i--) {
            out[offset + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }

    private static boolean isHex(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (digit(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static long parseHexLong(String s, int from) {
        long v = 0;
        for (int i = from; i < from + 16; i++) {
            int d = digit(s.charAt(i));
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private static int parseHexByte(String s, int from) {
        int a = digit(s.charAt(from));
        int b = digit(s.charAt(from + 1));
        return a < 0 || b < 0 ? -1 : (a << 4) | b;
    }

    /** Lowercase hex only, as the W3C recommendation requires. */
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceContext other && other.traceIdHigh == traceIdHigh && other.traceIdLow == traceIdLow
                && other.spanId == spanId && other.flags == flags && other.traceState.equals(traceState);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(traceIdHigh * 31 + traceIdLow) * 31 + Long.hashCode(spanId);
    }

    @Override
    public String toString() {
        return isValid() ? toTraceparent() : "TraceContext[invalid]";
    }
}
