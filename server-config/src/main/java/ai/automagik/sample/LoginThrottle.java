package ai.automagik.sample;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Exponential back-off for wrong passwords, per user name and client address and per address alone: after
 * {@value #FREE_FAILURES} consecutive failures of one user from one address, or {@value #FREE_ADDRESS_FAILURES}
 * from one address under any user names, each further failure blocks the pair (or the whole address) for twice as
 * long as the one before (1 s, 2 s, 4 s … up to {@link #MAX_BLOCK}); while blocked, no password is checked at
 * all, so guessing runs at one try per block instead of hundreds per second. A success clears its pair, not its
 * address. Keyed by the pair, so that guessing from one address cannot lock the user out everywhere.
 * <p>
 * At most {@value #MAX_TRACKED} pairs and as many addresses are remembered. To make room, entries that never
 * passed their free failures go first (the stalest of them), then escalated ones that are not blocked, a blocked
 * one only when every entry is blocked: flooding it with other names neither lifts a block nor restarts a
 * back-off from zero.
 */
final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final int FREE_ADDRESS_FAILURES = 20;
    static final Duration FIRST_BLOCK = Duration.ofSeconds(1);
    static final Duration MAX_BLOCK = Duration.ofMinutes(5);
    static final int MAX_TRACKED = 10_000;
    private static final int MAX_USER_LENGTH = 64;

    /** Consecutive failures of one key, the time of the last one and until when the key is blocked. */
    private record Failures(int count, long lastNanos, long blockedUntilNanos) {
    }

    private final Map<String, Failures> pairs = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    LoginThrottle() {
        this(System::nanoTime);
    }

    LoginThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** How long the pair must still wait before a password is checked; zero when it may try now. */
    Duration retryAfter(String user, String address) {
        long now = nanoTime.getAsLong();
        long waitNanos = Math.max(waitNanos(pairs.get(key(user, address)), now), waitNanos(addresses.get(address), now));
        return waitNanos > 0 ? Duration.ofNanos(waitNanos) : Duration.ZERO;
    }

    private static long waitNanos(Failures failures, long now) {
        return failures == null ? 0 : failures.blockedUntilNanos() - now;
    }

    /** Records a wrong password; returns the consecutive failures of the pair so far. */
    int failed(String user, String address) {
        long now = nanoTime.getAsLong();
        count(addresses, address == null ? "" : address, FREE_ADDRESS_FAILURES, now);
        return count(pairs, key(user, address), FREE_FAILURES, now).count();
    }

    /** Failures of {@code address} under any user names, as counted for its own back-off. */
    int addressFailures(String address) {
        Failures failures = addresses.get(address == null ? "" : address);
        return failures == null ? 0 : failures.count();
    }

    private static Failures count(Map<String, Failures> failures, String key, int free, long now) {
        if (failures.size() >= MAX_TRACKED && !failures.containsKey(key)) {
            makeRoom(failures, free, now);
        }
        return failures.compute(key, (k, previous) -> {
            int count = (previous == null || now - previous.lastNanos() > MAX_BLOCK.toNanos() * 2 ? 0
                    : previous.count()) + 1;
            return new Failures(count, now, count > free ? now + block(count - free + FREE_FAILURES).toNanos() : now);
        });
    }

    void succeeded(String user, String address) {
        pairs.remove(key(user, address));
    }

    /** The block after the {@code count}th consecutive failure of a pair. */
    static Duration block(int count) {
        if (count <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - FREE_FAILURES - 1, 30);
        Duration block = FIRST_BLOCK.multipliedBy(1L << doublings);
        return block.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK : block;
    }

    int tracked() {
        return pairs.size();
    }

    /**
     * Forgets what was quiet long enough to be forgotten anyway, then one entry: the stalest that never passed
     * its free failures, else the stalest that is not blocked, a blocked one only when all are.
     */
    private static void makeRoom(Map<String, Failures> failures, int free, long now) {
        failures.values().removeIf(f -> now - f.lastNanos() > MAX_BLOCK.toNanos() * 2);
        Comparator<Map.Entry<String, Failures>> forgetFirst = Comparator
                .comparing((Map.Entry<String, Failures> e) -> now < e.getValue().blockedUntilNanos())
                .thenComparing(e -> e.getValue().count() > free)
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
