package org.jcmflow.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Slows down password guessing in the default identity mode: after a number of failed sign-ins in a row for one
 * user name, or from one client address across names, sign-in with that name or from that address is refused for
 * a while, and each further failure after the wait doubles it up to a ceiling. The user name need not exist: an
 * unknown name is counted and refused alike, so the answer tells nothing about who exists. A success clears the
 * name's count.
 *
 * <p>The counts live in this node's memory (bounded, forgotten a while after the last failure): with several nodes
 * behind a load balancer, each node counts on its own, so a guesser gets at most that many times the attempts.
 * Keycloak mode counts in Keycloak instead (the realm's brute-force protection).
 */
final class LoginThrottle {

    /** Far more names than people: a guesser who sprays names is stopped by the address's count first. */
    private static final int REMEMBERED_KEYS = 100_000;

    /** Longer names exist nowhere; keeping them whole would let a guesser fill the memory with a few requests. */
    private static final int LONGEST_NAME = 200;

    /**
     * @param failuresPerUser failed sign-ins in a row for one user name before it is refused for a while
     * @param failuresPerAddress failed sign-ins from one client address, across names, before it is refused
     * @param firstWait the first refusal; each further failure after a wait doubles it
     * @param longestWait the ceiling of a wait
     * @param forgetAfter how long after its last failure a name or address is forgotten
     */
    @ConfigurationProperties("jcm.security.login-throttle")
    record Settings(int failuresPerUser, int failuresPerAddress, Duration firstWait, Duration longestWait,
                    Duration forgetAfter) {
    }

    /** The failures counted for a name or an address, and until when its sign-ins are refused (or null). */
    private record Failures(int count, Instant refusedUntil) {
    }

    private final Settings settings;
    private final Clock clock;
    private final Cache<String, Failures> names;
    private final Cache<String, Failures> addresses;

    LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.names = counts();
        this.addresses = counts();
    }

    private Cache<String, Failures> counts() {
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        Duration forget = settings.forgetAfter().compareTo(settings.longestWait()) > 0
                ? settings.forgetAfter() : settings.longestWait();
        return Caffeine.newBuilder().ticker(ticker).expireAfterWrite(forget).maximumSize(REMEMBERED_KEYS).build();
    }

    /** How much longer sign-in with this name, or from this address, stays refused; empty when it may be tried. */
    Optional<Duration> refusedFor(String username, String address) {
        Instant now = clock.instant();
        Duration byName = remaining(names.getIfPresent(key(username)), now);
        Duration byAddress = address == null ? Duration.ZERO : remaining(addresses.getIfPresent(address), now);
        Duration longer = byName.compareTo(byAddress) >= 0 ? byName : byAddress;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    void failed(String username, String address) {
        names.asMap().compute(key(username), (name, before) -> next(before, settings.failuresPerUser()));
        if (address != null) {
            addresses.asMap().compute(address, (ignored, before) -> next(before, settings.failuresPerAddress()));
        }
    }

    void succeeded(String username) {
        names.invalidate(key(username));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    private Failures next(Failures before, int allowed) {
        int count = before == null ? 1 : before.count() + 1;
        if (count < allowed) {
            return new Failures(count, null);
        }
        int doublings = Math.min(count - allowed, 30);
        Duration wait = settings.firstWait().multipliedBy(1L << doublings);
        if (wait.compareTo(settings.longestWait()) > 0) {
            wait = settings.longestWait();
        }
        return new Failures(count, clock.instant().plus(wait));
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null || failures.refusedUntil() == null || !failures.refusedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.refusedUntil());
    }

    /** The demo users' names are case-insensitive: so is their count. */
    private static String key(String username) {
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) : name;
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
