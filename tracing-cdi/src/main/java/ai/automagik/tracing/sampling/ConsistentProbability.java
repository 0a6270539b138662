package ai.automagik.tracing.sampling;

/**
 * OpenTelemetry's consistent probability sampling (specification, "TraceState: Probability Sampling"): a trace
 * carries 56 bits of randomness R (the trace id's right-most 7 bytes, or an explicit {@code rv}); a probability p
 * becomes a rejection threshold {@code T = (1 − p)·2^56}; a trace is kept iff {@code R ≥ T}. Every service of a
 * trace computes the same R, so every service sampling at p keeps the same traces, and one sampling at a higher
 * p keeps a superset. Thresholds travel as {@code th}: 1 to 14 lower-case hex digits, trailing zeros dropped.
 */
public final class ConsistentProbability {

    /** 2^56: the threshold that rejects everything (p = 0), never written as {@code th}. */
    public static final long MAX_THRESHOLD = 1L << 56;
    public static final long RANDOMNESS_MASK = MAX_THRESHOLD - 1;
    /** Digits of precision the specification recommends SDKs encode by default. */
    public static final int DEFAULT_PRECISION = 4;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ConsistentProbability() {
    }

    /**
     * The threshold for probability {@code p} rounded to {@code precision} significant hex digits (more for
     * probabilities near zero), as the specification computes it: from the IEEE 754 hexadecimal form of
     * {@code 2 − p}. p = 1 is threshold 0; p ≤ 0 rejects everything ({@link #MAX_THRESHOLD}).
     */
    public static long threshold(double p, int precision) {
        if (!(p > 0)) {
            return MAX_THRESHOLD;
        }
        if (p >= 1) {
            return 0;
        }
        // frexp's exponent (p = m·2^e, m in [0.5, 1)) is getExponent + 1; leading f digits raise the precision
        int exponent = Math.getExponent(p) + 1;
        int digits = Math.max(1, Math.min(12, precision + Math.floorDiv(exponent, -4)));
        double rejection = 2 - p + Math.scalb(0.5, -4 * digits);
        long mantissa = rejection >= 2.0 ? (1L << 52) - 1 : Double.doubleToRawLongBits(rejection) & ((1L << 52) - 1);
        // 52 mantissa bits are 13 hex digits; keep the first `digits`, as a 56-bit (14-digit) value
        long kept = mantissa >>> (4 * (13 - digits));
        return kept << (4 * (14 - digits));
    }

    /** Whether randomness {@code r} (56 bits) passes threshold {@code t}. */
    public static boolean keeps(long r, long t) {
        return r >= t;
    }

    /** The randomness of a trace id whose right-most 56 bits are random. */
    public static long randomness(long traceIdLow) {
        return traceIdLow & RANDOMNESS_MASK;
    }

    /** {@code th}'s digits: 14-digit lower-case hex with trailing zeros removed ({@code 0} stays {@code 0}). */
    public static String encode(long threshold) {
        if (threshold <= 0) {
            return "0";
        }
        char[] digits = new char[14];
        for (int i = 13; i >= 0; i--) {
            digits[i] = HEX[(int) ((threshold >>> (4 * (13 - i))) & 0xf)];
        }
        int end = 14;
        while (end > 1 && digits[end - 1] == '0') {
            end--;
        }
        return new String(digits, 0, end);
    }

    /** A {@code th} value: 1 to 14 lower-case hex digits, right-padded with zeros; -1 when malformed. */
    public static long decodeThreshold(String value) {
        if (value == null || value.isEmpty() || value.length() > 14) {
            return -1;
        }
        long t = 0;
        for (int i = 0; i < 14; i++) {
            int digit = i < value.length() ? digit(value.charAt(i)) : 0;
            if (digit < 0) {
                return -1;
            }
            t = (t << 4) | digit;
        }
        return t;
    }

    /** An {@code rv} value: exactly 14 lower-case hex digits; -1 when malformed. */
    public static long decodeRandomness(String value) {
        if (value == null || value.length() != 14) {
            return -1;
        }
        return decodeThreshold(value);
    }

    /** {@code rv}'s 14 digits for a randomness value. */
    public static String encodeRandomness(long r) {
        char[] digits = new char[14];
        for (int i = 13; i >= 0; i--) {
            digits[i] = HEX[(int) ((r >>> (4 * (13 - i))) & 0xf)];
        }
        return new String(digits);
    }

    /** The probability a threshold keeps: (2^56 − T) / 2^56. */
    public static double probability(long threshold) {
        return (double) (MAX_THRESHOLD - threshold) / MAX_THRESHOLD;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
