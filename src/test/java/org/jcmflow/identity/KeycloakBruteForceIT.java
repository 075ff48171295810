package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.KeycloakServer;
import org.jcmflow.testsupport.RunsBesideTheOthers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * In Keycloak mode the realm slows password guessing down: after 10 wrong passwords the right one is refused for a
 * while. Tried on a user of its own, so that no demo user the other Keycloak tests sign in as is locked out.
 */
// Beside the main thread, as it needs nothing of the test JVM's; with the Keycloak application tests, after the
// others: the shared Keycloak, started with the run, is ready by then.
@Order(Order.DEFAULT + 1)
@RunsBesideTheOthers
class KeycloakBruteForceIT {

    private static final String GUESSED = "brute-force-target";

    @Test
    void tenWrongPasswordsAtTheTokenEndpointHoldBackTheRightOne() {
        KeycloakServer keycloak = KeycloakServer.shared();
        JsonNode realm = keycloak.realm();
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isEqualTo(10);
        assertThat(realm.path("waitIncrementSeconds").asInt()).isEqualTo(60);
        assertThat(realm.path("permanentLockout").asBoolean()).isFalse();

        keycloak.createUser(GUESSED, null, Role.PROPONENT.groupId());
        assertThat(keycloak.passwordGrantStatus(GUESSED, ApiClient.DEMO_PASSWORD)).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(keycloak.passwordGrantStatus(GUESSED, "not-the-password-" + i)).isIn(400, 401);
        }

        assertThat(keycloak.passwordGrantStatus(GUESSED, ApiClient.DEMO_PASSWORD)).isNotEqualTo(200);
        // guesses less than a second apart are held back sooner (the realm's quick-login check), and not counted
        // while held back: the user is locked, however few of the ten were counted
        JsonNode status = keycloak.bruteForceStatus(GUESSED);
        assertThat(status.path("disabled").asBoolean()).as(status.toString()).isTrue();
    }
}
