package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.RestClient;

/**
 * The directory's questions to Keycloak's admin API and the service account's tokens they carry, against a small
 * HTTP server that answers as Keycloak does (the Keycloak suite asks a real Keycloak: {@code KeycloakApiIT}).
 */
@ExtendWith(OutputCaptureExtension.class)
class KeycloakUserDirectoryTest {

    private static final String USERS = """
            [{"username": "sato", "firstName": "Makoto", "lastName": "Sato", "email": "sato@nedo.example",
              "enabled": true, "attributes": {"organization": ["nedo"], "locale": ["ja"]}},
             {"username": "gone", "enabled": false}]""";

    private HttpServer keycloak;
    private final AtomicInteger tokensIssued = new AtomicInteger();
    /** The Authorization header of each admin API request. */
    private final List<String> adminAuthorizations = new CopyOnWriteArrayList<>();
    /** How long the tokens Keycloak issues last, in seconds. */
    private volatile int tokenLifespan = 300;
    /** Whether Keycloak takes the application's client secret. */
    private volatile boolean secretAccepted = true;

    @BeforeEach
    void startKeycloak() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/realms/jcm/protocol/openid-connect/token", exchange -> {
            if (!secretAccepted) {
                answer(exchange, 401, "{\"error\": \"unauthorized_client\", "
                        + "\"error_description\": \"Invalid client or Invalid client credentials\"}");
                return;
            }
            answer(exchange, "{\"access_token\": \"token-" + tokensIssued.incrementAndGet()
                    + "\", \"token_type\": \"Bearer\", \"expires_in\": " + tokenLifespan + "}");
        });
        keycloak.createContext("/admin/realms/jcm/", exchange -> {
            adminAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            // a role's users in pages of a hundred: the first page holds them all
            boolean laterPage = exchange.getRequestURI().getQuery().contains("first=")
                    && !exchange.getRequestURI().getQuery().contains("first=0");
            answer(exchange, laterPage ? "[]" : USERS);
        });
        keycloak.start();
    }

    @AfterEach
    void stopKeycloak() {
        keycloak.stop(0);
    }

    @Test
    void theServiceAccountLogsInOnceForManyQuestionsAndEachCarriesItsToken() {
        KeycloakUserDirectory directory = directory();

        assertThat(directory.usersWithRole(Role.PROGRAM_MANAGER)).extracting(UserDirectory.DirectoryUser::username)
                .containsExactly("sato");
        assertThat(directory.usersWithRole(Role.STAGE_GATE_COMMITTEE)).hasSize(1);
        assertThat(directory.user("sato")).get().satisfies(sato -> {
            assertThat(sato.displayName()).isEqualTo("Makoto Sato");
            assertThat(sato.organization()).isEqualTo("nedo");
        });

        assertThat(tokensIssued).hasValue(1);
        assertThat(adminAuthorizations).hasSize(3).containsOnly("Bearer token-1");
    }

    @Test
    void aTokenAboutToRunOutIsNotUsedAgain() {
        // Keycloak's lifespan shorter than the minute the client allows for clocks that differ
        tokenLifespan = 30;
        KeycloakUserDirectory directory = directory();

        directory.usersWithRole(Role.PROGRAM_MANAGER);
        directory.user("sato");

        assertThat(tokensIssued).hasValue(2);
        assertThat(adminAuthorizations).containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void aRefusedServiceAccountFailsTheQuestionAndIsLoggedForTheOperator(CapturedOutput log) {
        secretAccepted = false;
        KeycloakUserDirectory directory = directory();

        assertThatThrownBy(() -> directory.usersWithRole(Role.PROGRAM_MANAGER))
                .isInstanceOf(OAuth2AuthorizationException.class);

        assertThat(adminAuthorizations).isEmpty();
        assertThat(log.getOut()).contains("Keycloak refused the application's service account")
                .contains("401 Unauthorized");
    }

    private KeycloakUserDirectory directory() {
        return new KeycloakUserDirectory(new KeycloakProperties(
                "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/jcm", "jcm-flow", "secret"),
                RestClient.builder());
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        answer(exchange, 200, json);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
