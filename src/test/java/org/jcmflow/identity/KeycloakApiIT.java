package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.KeycloakApplicationTest;
import org.jcmflow.testsupport.KeycloakServer;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Keycloak mode over HTTP: the demo users of the realm call the API with the tokens Keycloak gives them. */
@KeycloakApplicationTest
class KeycloakApiIT {

    @LocalServerPort
    int port;

    final KeycloakServer keycloak = KeycloakServer.shared();

    @Autowired
    UserDirectory directory;

    final CaseDriver driver;

    KeycloakApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    private ApiClient client(String username) {
        return ApiClient.withToken(port, keycloak.accessToken(username));
    }

    @ParameterizedTest
    @CsvSource({
            "tanaka,    proponent,            nihon-ecotech",
            "suzuki,    proponent,            sakura-engineering",
            "sato,      program-manager,      nedo",
            "takahashi, program-manager,      nedo",
            "kobayashi, stage-gate-committee, tohoku-university",
            "ito,       stage-gate-committee, sakura-engineering",
            "watanabe,  mrv-verifier,         kanto-verification",
            "nakamura,  joint-committee,      jcm-secretariat",
            "admin,     admin,                nedo",
    })
    void meIsTheTokensUserWithTheRealmRolesAndOrganisation(String username, String role, String organization) {
        ApiClient.Response me = client(username).get("/api/me");
        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo(username);
        assertThat(me.json().path("roles")).extracting(JsonNode::asText).containsExactly(role);
        assertThat(me.json().path("organization").asText()).isEqualTo(organization);
    }

    @Test
    void aProponentWorksOnTheCasesOfTheirOrganisationOnly() {
        String caseId = driver.openCase(PROPONENT, "Hotel BEMS through Keycloak");
        assertThat(driver.caseFile(caseId).path("organization").asText()).isEqualTo("nihon-ecotech");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        String report = driver.openTask(caseId, "Task_SubmitFeasibilityReport");

        assertThat(driver.as(PROPONENT).get("/api/cases/" + caseId).status()).isEqualTo(200);
        List<String> ownTasks = driver.as(PROPONENT).get("/api/tasks?size=200").json().path("content").findValuesAsText("id");
        assertThat(ownTasks).contains(report);

        ApiClient other = driver.as(OTHER_PROPONENT);
        assertThat(other.get("/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(other.get("/api/cases?size=200").json().path("content").findValuesAsText("id")).doesNotContain(caseId);
        assertThat(other.get("/api/tasks?size=200").json().path("content").findValuesAsText("id")).doesNotContain(report);
        ApiClient.Response refused = other.post("/api/tasks/" + report + "/complete",
                Map.of("variables", ValidSubmissions.of("Task_SubmitFeasibilityReport")));
        // a task of a case they may not see is missing to them, as an unknown id is
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(driver.openTask(caseId, "Task_SubmitFeasibilityReport")).isEqualTo(report);

        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        JsonNode history = driver.caseFile(caseId).path("history");
        assertThat(history.get(history.size() - 1).path("who").asText()).isEqualTo(PROPONENT);
    }

    @Test
    void onlyTheRolesATaskNamesMayCompleteIt() {
        String caseId = driver.openCase(PROPONENT, "Screening is the programme office's");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        assertThat(driver.as(PROPONENT).post("/api/tasks/" + screening + "/complete",
                Map.of("variables", ValidSubmissions.of("Task_ScreenProposal"))).status()).isEqualTo(403);
        assertThat(driver.as(PROGRAM_MANAGER).post("/api/cases", CaseDriver.newCase("Not mine to open")).status())
                .isEqualTo(403);
    }

    @Test
    void onlyOperatorsUseCamundasRestApiAndTheActuator() {
        assertThat(driver.as(ADMIN).get("/engine-rest/process-definition?key=jcm-project-lifecycle").status()).isEqualTo(200);
        assertThat(driver.as(PROGRAM_MANAGER).get("/engine-rest/process-definition").status()).isEqualTo(403);
        // The actuator is served by the browser's filter chain, where a token stands in for a login.
        assertThat(driver.as(ADMIN).get("/actuator/info").status()).isEqualTo(200);
        assertThat(driver.as(PROGRAM_MANAGER).get("/actuator/info").status()).isEqualTo(403);
    }

    @Test
    void theDemoUsersPasswordsDoNotWorkInKeycloakMode() {
        ApiClient.Response basic = ApiClient.as(port, PROPONENT).get("/api/me");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void theCommitteeIsConvenedFromTheRealmsUsersAndEvaluatesWithTheirTokens() {
        String caseId = driver.openCase(OTHER_PROPONENT, "Sakura's chiller case through Keycloak");
        for (String[] step : new String[][] {
                {"Task_ScreenProposal", PROGRAM_MANAGER}, {"Task_SubmitFeasibilityReport", OTHER_PROPONENT},
                {"Task_ReviewFeasibilityReport", PROGRAM_MANAGER}, {"Task_SubmitSurveyResults", OTHER_PROPONENT},
                {"Task_ReviewSurveyResults", PROGRAM_MANAGER}}) {
            driver.complete(caseId, step[0], step[1]);
        }
        // the members on offer come from Keycloak's admin API, through the application's service account
        JsonNode candidates = driver.as(PROGRAM_MANAGER).get("/api/cases/" + caseId + "/stage-gate").json()
                .path("candidates");
        assertThat(candidates.findValuesAsText("username"))
                .containsExactlyInAnyOrder("inoue", "kobayashi", "yamamoto");
        assertThat(candidates.findValuesAsText("organization")).doesNotContain("sakura-engineering");

        driver.evaluateAtStageGate(caseId);
        driver.complete(caseId, "Task_ConfirmStageGateDecision", PROGRAM_MANAGER);
        assertThat(driver.stage(caseId)).isEqualTo("MOU");
        JsonNode round = driver.as(PROGRAM_MANAGER).get("/api/cases/" + caseId + "/stage-gate").json()
                .path("rounds").get(0);
        assertThat(round.path("recommendation").asText()).isEqualTo("APPROPRIATE");
        assertThat(round.path("evaluations").findValuesAsText("member"))
                .containsExactlyInAnyOrder("inoue", "kobayashi", "yamamoto");
    }

    @Test
    void theDirectoryGivesEachPersonsMailAddressAndChosenLanguageForTheirMails() {
        assertThat(directory.user(OTHER_PROPONENT)).get().satisfies(suzuki -> {
            assertThat(suzuki.email()).isEqualTo("suzuki@sakura-engineering.example");
            assertThat(suzuki.language()).isEqualTo("en");
            assertThat(suzuki.organization()).isEqualTo("sakura-engineering");
        });
        assertThat(directory.user("nobody-of-that-name")).isEmpty();
        assertThat(directory.usersWithRole(Role.PROGRAM_MANAGER))
                .extracting(UserDirectory.DirectoryUser::username, UserDirectory.DirectoryUser::email,
                        UserDirectory.DirectoryUser::language)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sato", "sato@nedo.example", "ja"),
                        org.assertj.core.groups.Tuple.tuple("takahashi", "takahashi@nedo.example", "en"));
    }
}
