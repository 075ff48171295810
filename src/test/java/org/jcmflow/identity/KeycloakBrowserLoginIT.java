package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.net.URI;
import java.util.Map;

import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.KeycloakApplicationTest;
import org.jcmflow.testsupport.KeycloakServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Keycloak mode in the browser: logging in at Keycloak (authorization code with PKCE), single sign-on into the
 * Camunda webapps, and a logout that ends the Keycloak session too.
 */
@KeycloakApplicationTest
class KeycloakBrowserLoginIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";

    @LocalServerPort
    int port;

    final KeycloakServer keycloak = KeycloakServer.shared();

    String app;

    @BeforeEach
    void app() {
        app = "http://localhost:" + port;
        keycloak.allowRedirectsTo(app);
    }

    @Test
    void anOperatorLogsInAtKeycloakAndReachesTheCamundaWebappsWithoutASecondLogin() {
        Browser browser = new Browser();
        Browser.Page login = browser.open(app + TASKLIST);
        assertThat(login.isKeycloakLogin()).as(login.uri().toString()).isTrue();
        assertThat(login.uri().toString()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth")
                .contains("code_challenge=", "code_challenge_method=S256");

        Browser.Page tasklist = browser.logIn(login, ADMIN, ApiClient.DEMO_PASSWORD);
        assertThat(tasklist.status()).isEqualTo(200);
        assertThat(tasklist.uri().getPath()).isEqualTo(TASKLIST);
        assertThat(tasklist.trail()).anySatisfy(step -> assertThat(step.getPath()).isEqualTo("/login/oauth2/code/keycloak"));

        Browser.Page user = browser.fetch(app + "/camunda/api/admin/auth/user/default");
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"admin\"", "tasklist", "cockpit", "admin");
    }

    @Test
    void loggingOutEndsTheKeycloakSessionToo() {
        Browser browser = new Browser();
        browser.logIn(browser.open(app + TASKLIST), ADMIN, ApiClient.DEMO_PASSWORD);
        assertThat(browser.open(app + TASKLIST).uri().getPath()).isEqualTo(TASKLIST);

        Browser.Page loggedOut = browser.submit(app + "/logout",
                Map.of("_csrf", browser.open(app + "/logout").hiddenInput("_csrf")));
        assertThat(loggedOut.trail()).anySatisfy(step ->
                assertThat(step.toString()).startsWith(keycloak.issuer() + "/protocol/openid-connect/logout"));
        assertThat(loggedOut.trail()).contains(URI.create(app + "/"));
        assertThat(loggedOut.isKeycloakLogin()).as("Keycloak asks for the password again").isTrue();

        Browser.Page again = browser.open(app + TASKLIST);
        assertThat(again.isKeycloakLogin()).isTrue();
    }

    @Test
    void otherRolesLogInButDoNotReachTheCamundaWebapps() {
        Browser browser = new Browser();
        Browser.Page page = browser.logIn(browser.open(app + "/swagger-ui/index.html"), PROPONENT, ApiClient.DEMO_PASSWORD);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/swagger-ui/index.html");
        assertThat(browser.open(app + TASKLIST).status()).isEqualTo(403);
    }

    @Test
    void aUserWithNoneOfTheProgrammesRolesIsTurnedAway() {
        keycloak.createUser("test-browser-no-role", "nihon-ecotech");
        Browser browser = new Browser();
        Browser.Page page = browser.logIn(browser.open(app + "/swagger-ui/index.html"), "test-browser-no-role",
                ApiClient.DEMO_PASSWORD);
        assertThat(page.uri()).isEqualTo(URI.create(app + "/login?error"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(browser.open(app + "/swagger-ui/index.html").uri().getPath()).isNotEqualTo("/swagger-ui/index.html");
    }
}
