package ai.automagik.tracing.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes times, durations and counts. */
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Formats() {
    }

    /** {@code at} in the browser's zone, to the second: the time alone when it is today there. */
    static String time(Instant at, ZoneId zone, Instant now) {
        if (at == null) {
            return "";
        }
        ZonedDateTime local = at.atZone(zone);
        return local.toLocalDate().equals(now.atZone(zone).toLocalDate()) ? TIME.format(local) : DATE_TIME.format(local);
    }

    /** US dollars: cents for a dollar or more, four significant digits below (model calls cost fractions of a cent). */
    static String usd(double value) {
        if (value >= 1) {
            return String.format(java.util.Locale.ROOT, "$%,.2f", value);
        }
        return "$" + new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String ago(Instant at, Instant now) {
        if (at == null) {
            return "never";
        }
        long seconds = Math.max(0, Duration.between(at, now).getSeconds());
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        return seconds / 3600 + " h ago";
    }

    static String nanos(long nanos) {
        if (nanos < 1_000_000L) {
            return String.format(Locale.ROOT, "%.0f µs", nanos / 1_000.0);
        }
        if (nanos < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1_000_000_000.0);
    }
}
