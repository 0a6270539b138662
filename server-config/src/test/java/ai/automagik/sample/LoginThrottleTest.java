package ai.automagik.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(now::get);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void fiveFailuresAreFreeThenEachBlocksTwiceAsLongUpToTheCap() {
        for (int i = 1; i <= LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.failed("admin", "10.0.0.1")).isEqualTo(i);
            assertThat(throttle.retryAfter("admin", "10.0.0.1")).isZero();
        }
        Duration expected = Duration.ofSeconds(1);
        for (int i = LoginThrottle.FREE_FAILURES + 1; i <= 20; i++) {
            throttle.failed("admin", "10.0.0.1");
            assertThat(throttle.retryAfter("admin", "10.0.0.1")).as("failure " + i).isEqualTo(expected);
            advance(expected);
            assertThat(throttle.retryAfter("admin", "10.0.0.1")).isZero();
            expected = expected.multipliedBy(2).compareTo(LoginThrottle.MAX_BLOCK) > 0 ? LoginThrottle.MAX_BLOCK
                    : expected.multipliedBy(2);
        }
        assertThat(LoginThrottle.block(1000)).isEqualTo(LoginThrottle.MAX_BLOCK);
    }

    @Test
    void aSuccessClearsThePairAndPairsAreIndependent() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        assertThat(throttle.retryAfter("admin", "10.0.0.1")).isPositive();
        assertThat(throttle.retryAfter("admin", "10.0.0.2")).as("same user, other address").isZero();
        assertThat(throttle.retryAfter("viewer", "10.0.0.1")).as("other user, same address").isZero();
        throttle.succeeded("admin", "10.0.0.1");
        assertThat(throttle.retryAfter("admin", "10.0.0.1")).isZero();
        assertThat(throttle.failed("admin", "10.0.0.1")).isEqualTo(1);
    }

    @Test
    void oldFailuresAreForgotten() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        advance(LoginThrottle.MAX_BLOCK.multipliedBy(3));
        assertThat(throttle.failed("admin", "10.0.0.1")).isEqualTo(1);
    }

    @Test
    void theNumberOfRememberedPairsIsBoundedAndBlockedPairsAreKeptFirst() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 500; i++) {
            advance(Duration.ofNanos(10));
            throttle.failed("user-" + i, "192.0." + (i / 250) + "." + (i % 250));
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED);
        assertThat(throttle.retryAfter("admin", "10.0.0.1")).as("still blocked after the flood").isPositive();
        int last = LoginThrottle.MAX_TRACKED + 499;
        assertThat(throttle.retryAfter("user-" + last, "192.0." + (last / 250) + "." + (last % 250))).isZero();
    }

    @Test
    void failuresFromOneAddressCountAcrossUserNames() {
        for (int i = 0; i < LoginThrottle.FREE_ADDRESS_FAILURES; i++) {
            throttle.failed("guess-" + i, "203.0.113.9");
        }
        assertThat(throttle.retryAfter("admin", "203.0.113.9")).isZero();
        throttle.failed("guess-x", "203.0.113.9");
        assertThat(throttle.addressFailures("203.0.113.9")).isEqualTo(LoginThrottle.FREE_ADDRESS_FAILURES + 1);
        assertThat(throttle.retryAfter("admin", "203.0.113.9")).as("any name from that address").isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("admin", "203.0.113.10")).as("another address").isZero();
    }

    @Test
    void aFloodOfOtherNamesNeitherLiftsNorRestartsTheAdminsBackOff() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("admin", "10.0.0.1");
            advance(throttle.retryAfter("admin", "10.0.0.1"));
        }
        assertThat(throttle.retryAfter("admin", "10.0.0.1")).isZero();
        // the flood: one failure per name and address, from more addresses than are remembered, over a minute
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 500; i++) {
            advance(Duration.ofMillis(6));
            throttle.failed("user-" + i, "198.51." + (i / 250) + "." + (i % 250));
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED);
        assertThat(throttle.failed("admin", "10.0.0.1")).as("the back-off goes on, not from zero").isEqualTo(9);
        assertThat(throttle.retryAfter("admin", "10.0.0.1")).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void longUserNamesShareOneEntryAndLoggedNamesAreHarmless() {
        String name = "a".repeat(64);
        for (int i = 0; i < 6; i++) {
            throttle.failed(name + i, "10.0.0.1");
        }
        assertThat(throttle.retryAfter(name + "x", "10.0.0.1")).isPositive();
        assertThat(LoginThrottle.shown("eve\r\nFake log line 'x'")).isEqualTo("eve??Fake log line ?x?");
        assertThat(LoginThrottle.shown("b".repeat(100))).hasSize(65).endsWith("…");
    }
}
