package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jcmflow.testsupport.MovableClock;
import org.junit.jupiter.api.Test;

/** The throttle's counting and waits, on a clock the test moves instead of sleeping. */
class LoginThrottleTest {

    private static final String HOME = "192.0.2.1";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(10, 50,
            Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(12)), clock);

    @Test
    void tenFailuresInARowHoldTheNameBackForAMinute() {
        failures("tanaka", 9, HOME);
        assertThat(throttle.refusedFor("tanaka", HOME)).isEmpty();
        throttle.failed("tanaka", HOME);
        assertThat(throttle.refusedFor("tanaka", HOME)).hasValue(Duration.ofMinutes(1));
        assertThat(throttle.refusedFor("TANAKA", "198.51.100.7")).as("the name, from anywhere").isPresent();
        assertThat(throttle.refusedFor("sato", HOME)).as("other names").isEmpty();

        clock.move(Duration.ofSeconds(59));
        assertThat(throttle.refusedFor("tanaka", HOME)).hasValue(Duration.ofSeconds(1));
        clock.move(Duration.ofSeconds(1));
        assertThat(throttle.refusedFor("tanaka", HOME)).isEmpty();
    }

    @Test
    void eachFailureAfterAWaitDoublesTheNextUpToTheCeiling() {
        failures("tanaka", 10, HOME);
        Duration expected = Duration.ofMinutes(1);
        for (int i = 0; i < 8; i++) {
            assertThat(throttle.refusedFor("tanaka", HOME)).hasValue(expected);
            clock.move(expected);
            throttle.failed("tanaka", HOME);
            expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(15)) > 0
                    ? Duration.ofMinutes(15) : expected.multipliedBy(2);
        }
        assertThat(throttle.refusedFor("tanaka", HOME)).hasValue(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessClearsTheNamesCount() {
        failures("tanaka", 9, HOME);
        throttle.succeeded("tanaka");
        failures("tanaka", 9, HOME);
        assertThat(throttle.refusedFor("tanaka", HOME)).isEmpty();
    }

    @Test
    void fiftyFailuresFromOneAddressHoldBackThatAddressForEveryName() {
        for (int i = 0; i < 50; i++) {
            throttle.failed("guess-" + i, HOME);
        }
        assertThat(throttle.refusedFor("sato", HOME)).hasValue(Duration.ofMinutes(1));
        assertThat(throttle.refusedFor("sato", "198.51.100.7")).isEmpty();
    }

    @Test
    void failuresLongAgoAreForgotten() {
        failures("tanaka", 9, HOME);
        clock.move(Duration.ofHours(13));
        throttle.failed("tanaka", HOME);
        assertThat(throttle.refusedFor("tanaka", HOME)).isEmpty();
    }

    private void failures(String username, int count, String address) {
        for (int i = 0; i < count; i++) {
            throttle.failed(username, address);
        }
    }
}
