package ai.automagik.sample;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Exponential back-off for wrong passwords, per user name and client address: after
 * {@value #FREE_FAILURES} consecutive failures each further failure blocks that pair for twice as long
 * as the one before (1 s, 2 s, 4 s … up to {@link #MAX_BLOCK}); while blocked, no password is checked at
 * all, so guessing runs at one try per block instead of hundreds per second. A success clears the pair.
 * Keyed by the pair, so that guessing from one address cannot lock the user out everywhere.
 * At most {@value #MAX_TRACKED} pairs are remembered; the stalest unblocked ones are forgotten first,
 * so flooding it with other names does not lift a block.
 */
final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_BLOCK = Duration.ofSeconds(1);
    static final Duration MAX_BLOCK = Duration.ofMinutes(5);
    static final int MAX_TRACKED = 10_000;
    private static final int MAX_USER_LENGTH = 64;

    /** Consecutive failures of one pair, the time of the last one and until when the pair is blocked. */
    private record Failures(int count, long lastNanos, long blockedUntilNanos) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    LoginThrottle() {
        this(System::nanoTime);
    }

    LoginThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** How long the pair must still wait before a password is checked; zero when it may try now. */
    Duration retryAfter(String user, String address) {
        Failures current = failures.get(key(user, address));
        long waitNanos = current == null ? 0 : current.blockedUntilNanos() - nanoTime.getAsLong();
        return waitNanos > 0 ? Duration.ofNanos(waitNanos) : Duration.ZERO;
    }

    /** Records a wrong password; returns the consecutive failures of the pair so far. */
    int failed(String user, String address) {
        long now = nanoTime.getAsLong();
        if (failures.size() >= MAX_TRACKED) {
            forgetStalest(now);
        }
        Failures updated = failures.compute(key(user, address), (k, previous) -> {
            int count = (previous == null || now - previous.lastNanos() > MAX_BLOCK.toNanos() * 2 ? 0
                    : previous.count()) + 1;
            return new Failures(count, now, count > FREE_FAILURES ? now + block(count).toNanos() : now);
        });
        return updated.count();
    }

    void succeeded(String user, String address) {
        failures.remove(key(user, address));
    }

    /** The block after the {@code count}th consecutive failure. */
    static Duration block(int count) {
        if (count <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - FREE_FAILURES - 1, 30);
        Duration block = FIRST_BLOCK.multipliedBy(1L << doublings);
        return block.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK : block;
    }

    int tracked() {
        return failures.size();
    }

    /** Makes room: first pairs long quiet, then the stalest pair that is not blocked, a blocked one only when all are. */
    private void forgetStalest(long now) {
        failures.values().removeIf(f -> now - f.lastNanos() > MAX_BLOCK.toNanos() && now >= f.blockedUntilNanos());
        Comparator<Map.Entry<String, Failures>> forgetFirst = Comparator
                .comparing((Map.Entry<String, Failures> e) -> now < e.getValue().blockedUntilNanos())
                .thenComparingLong(e -> e.getValue().lastNanos());
        while (failures.size() >= MAX_TRACKED) {
            failures.entrySet().stream().min(forgetFirst)
                    .ifPresent(stalest -> failures.remove(stalest.getKey(), stalest.getValue()));
        }
    }

    private static String key(String user, String address) {
        String name = user == null ? "" : user;
        return (name.length() > MAX_USER_LENGTH ? name.substring(0, MAX_USER_LENGTH) : name) + '\u0000' + address;
    }

    /** A user name as it may be logged: control characters replaced, at most 64 characters. */
    static String shown(String user) {
        if (user == null) {
            return "";
        }
        String cut = user.length() > MAX_USER_LENGTH ? user.substring(0, MAX_USER_LENGTH) + "…" : user;
        StringBuilder shown = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> shown.append(Character.isISOControl(c) || c == '\'' ? "?" : new String(Character.toChars(c))));
        return shown.toString();
    }
}
