package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import org.jcmflow.testsupport.Browser;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.KeycloakApplicationTest;
import org.jcmflow.testsupport.KeycloakServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Keycloak mode in a real browser: signing in at Keycloak (authorization code with PKCE), the roles and
 * organisation from the ID token in the portal, single sign-on into the Camunda webapps with the roles as
 * Camunda groups, and a logout that ends the Keycloak session too.
 */
@KeycloakApplicationTest
class KeycloakBrowserLoginIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";

    @LocalServerPort
    int port;

    final KeycloakServer keycloak = KeycloakServer.shared();

    Browser browser;

    @BeforeEach
    void openBrowser() {
        keycloak.allowRedirectsTo("http://localhost:" + port);
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aProponentSignsInAtKeycloakAndThePortalKnowsTheirRoleAndOrganisation() {
        browser.go("/cases");
        assertThat(browser.path()).isEqualTo("/login");
        browser.clickToNextPage(By.id("single-sign-on"));
        assertThat(browser.url()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth")
                .contains("client_id=jcm-flow", "code_challenge=", "code_challenge_method=S256");

        browser.go("/login").logInAtKeycloak(PROPONENT);
        browser.waitFor(By.cssSelector("form.logout"));
        assertThat(browser.text(By.cssSelector(".account .user"))).contains("Ken Tanaka", "Nihon EcoTech Co., Ltd.");
        assertThat(browser.findAll(By.linkText("New proposal"))).isNotEmpty();
        assertThat(browser.findAll(By.linkText("Camunda Tasklist"))).isEmpty();
        browser.go("/cases");
        assertThat(browser.path()).isEqualTo("/cases");
    }

    @Test
    void anOperatorReachesTheCamundaWebappsWithoutASecondLogin() {
        browser.go(TASKLIST).logInAtKeycloak(ADMIN);
        browser.waitFor(By.cssSelector("body"));
        assertThat(browser.path()).startsWith(TASKLIST);

        browser.go("/camunda/api/admin/auth/user/default");
        assertThat(browser.text(By.tagName("body"))).contains("\"userId\":\"admin\"", "tasklist", "cockpit");
    }

    @Test
    void aProgrammeManagerSignsInAtKeycloakAndSeesTheCandidateTasksOfTheRoleInTasklist(CaseDriver driver) {
        String toConvene = driver.openCase(PROPONENT, "Keycloak Tasklist: a committee to convene");
        driver.complete(toConvene, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(toConvene, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(toConvene, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        driver.complete(toConvene, "Task_SubmitSurveyResults", PROPONENT);
        driver.complete(toConvene, "Task_ReviewSurveyResults", PROGRAM_MANAGER);
        String studying = driver.openCase(PROPONENT, "Keycloak Tasklist: the proponent's study");
        driver.complete(studying, "Task_ScreenProposal", PROGRAM_MANAGER);

        browser.go(TASKLIST).logInAtKeycloak(PROGRAM_MANAGER);
        browser.waitForText("Convene the committee");
        assertThat(browser.path()).startsWith(TASKLIST);
        String page = browser.text(By.tagName("body"));
        assertThat(page).contains("Tasks of my roles", "My tasks").doesNotContain("All tasks")
                .as("the proponent's study is not the programme office's").doesNotContain("Carry out study");
        assertThat(browser.findAll(By.linkText("Cockpit"))).isEmpty();
        browser.screenshot("keycloak-tasklist-programme-manager");

        browser.go("/camunda/api/admin/auth/user/default");
        assertThat(browser.text(By.tagName("body"))).contains("\"userId\":\"" + PROGRAM_MANAGER + "\"", "tasklist")
                .doesNotContain("cockpit");
        browser.go("/camunda/app/cockpit/default/");
        assertThat(browser.text(By.tagName("body"))).doesNotContain("Camunda Cockpit");
    }

    @Test
    void loggingOutEndsTheKeycloakSessionToo() {
        browser.go("/login").logInAtKeycloak(ADMIN);
        browser.clickToNextPage(By.cssSelector("form.logout button"));
        assertThat(browser.text(By.cssSelector(".flash.notice"))).isEqualTo("You have logged out.");
        assertThat(browser.path()).isEqualTo("/login?logout");

        browser.clickToNextPage(By.id("single-sign-on"));
        assertThat(browser.url()).as("Keycloak asks for the password again").startsWith(keycloak.issuer());
        assertThat(browser.find(By.id("password")).isDisplayed()).isTrue();
    }

    @Test
    void aUserWithNoneOfTheProgrammesRolesIsTurnedAway() {
        keycloak.createUser("test-browser-no-role", "nihon-ecotech");
        browser.go("/login").logInAtKeycloak("test-browser-no-role");
        assertThat(browser.text(By.cssSelector(".flash.alert"))).contains("none of JCM Flow's roles");
        assertThat(browser.path()).isEqualTo("/login?error");
        browser.go("/cases");
        assertThat(browser.path()).isEqualTo("/login");
    }
}
