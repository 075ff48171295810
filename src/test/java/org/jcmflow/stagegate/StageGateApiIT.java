package org.jcmflow.stagegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER_OF_SAKURA;
import static org.jcmflow.testsupport.DemoUser.INDEPENDENT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;
import static org.jcmflow.testsupport.DemoUser.SECOND_COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.THIRD_COMMITTEE_MEMBER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.PageSession;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/** The stage-gate committee through the public API, as the programme manager, members and proponent use it. */
@ApplicationTest
class StageGateApiIT {

    @LocalServerPort
    int port;

    final CaseDriver driver;

    StageGateApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    private String caseAtTheStageGate(String title) {
        return caseAtTheStageGate(PROPONENT, title);
    }

    private String caseAtTheStageGate(String proponent, String title) {
        String caseId = driver.openCase(proponent, title);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", proponent);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitSurveyResults", proponent);
        driver.complete(caseId, "Task_ReviewSurveyResults", PROGRAM_MANAGER);
        assertThat(driver.stage(caseId)).isEqualTo("STAGE_GATE");
        return caseId;
    }

    private ApiClient.Response completeTask(String username, String taskId, Map<String, Object> values) {
        return driver.as(username).post("/api/tasks/" + taskId + "/complete", Map.of("variables", values));
    }

    private static Map<String, Object> scores(int score) {
        Map<String, Object> values = new HashMap<>(ValidSubmissions.of("Task_EvaluateCase"));
        for (Criterion criterion : Criterion.values()) {
            values.put(criterion.formKey(), score);
        }
        return values;
    }

    private JsonNode stageGate(String caseId, String username) {
        ApiClient.Response response = driver.as(username).get("/api/cases/" + caseId + "/stage-gate");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void theCommitteeScoresTheCaseAndTheProgrammeManagerOverridesTheRecommendationWithARationale() {
        String caseId = caseAtTheStageGate("Committee case");
        assertThat(stageGate(caseId, PROGRAM_MANAGER).path("candidates").findValuesAsText("username"))
                .contains(COMMITTEE_MEMBER, SECOND_COMMITTEE_MEMBER, THIRD_COMMITTEE_MEMBER);

        // fewer members than the quorum cannot be convened
        String convene = driver.openTask(caseId, "Task_ConveneCommittee");
        ApiClient.Response tooFew = completeTask(PROGRAM_MANAGER, convene,
                Map.of("committeeMembers", List.of(COMMITTEE_MEMBER, SECOND_COMMITTEE_MEMBER)));
        assertThat(tooFew.status()).isEqualTo(400);
        assertThat(tooFew.json().path("errors").findValuesAsText("field")).containsExactly("committeeMembers");
        ApiClient.Response unknown = completeTask(PROGRAM_MANAGER, convene,
                Map.of("committeeMembers", List.of(COMMITTEE_MEMBER, SECOND_COMMITTEE_MEMBER, "nobody")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(driver.openTask(caseId, "Task_ConveneCommittee")).isEqualTo(convene);
        driver.complete(caseId, "Task_ConveneCommittee", PROGRAM_MANAGER);

        // each member has a task of their own, which nobody else may complete or hand back
        JsonNode openTasks = driver.caseFile(caseId).path("openTasks");
        assertThat(openTasks.findValuesAsText("assignee")).containsExactlyInAnyOrderElementsOf(INDEPENDENT_COMMITTEE);
        String kobayashisTask = driver.openTask(caseId, "Task_EvaluateCase", COMMITTEE_MEMBER);
        assertThat(completeTask(SECOND_COMMITTEE_MEMBER, kobayashisTask, scores(5)).status()).isEqualTo(403);
        assertThat(driver.as(COMMITTEE_MEMBER).post("/api/tasks/" + kobayashisTask + "/unclaim").status())
                .isEqualTo(403);
        ApiClient.Response inbox = driver.as(COMMITTEE_MEMBER).get("/api/tasks?size=200");
        assertThat(inbox.json().path("content").findValuesAsText("id")).contains(kobayashisTask);

        // scores out of range are refused; a declared conflict needs no scores
        Map<String, Object> outOfRange = scores(4);
        outOfRange.put("scoreGhgReduction", 6);
        ApiClient.Response badScore = completeTask(COMMITTEE_MEMBER, kobayashisTask, outOfRange);
        assertThat(badScore.status()).isEqualTo(400);
        assertThat(badScore.json().path("errors").findValuesAsText("field")).containsExactly("scoreGhgReduction");
        assertThat(completeTask(COMMITTEE_MEMBER, kobayashisTask, scores(2)).status()).isEqualTo(204);
        assertThat(completeTask(SECOND_COMMITTEE_MEMBER,
                driver.openTask(caseId, "Task_EvaluateCase", SECOND_COMMITTEE_MEMBER), scores(2)).status())
                .isEqualTo(204);
        assertThat(completeTask(THIRD_COMMITTEE_MEMBER,
                driver.openTask(caseId, "Task_EvaluateCase", THIRD_COMMITTEE_MEMBER), scores(2)).status())
                .isEqualTo(204);

        JsonNode round = stageGate(caseId, PROGRAM_MANAGER).path("rounds").get(0);
        assertThat(round.path("recommendation").asText()).isEqualTo("NOT_APPROPRIATE");
        assertThat(round.path("validEvaluations").asInt()).isEqualTo(3);
        assertThat(round.path("averageScore").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(round.path("evaluations")).hasSize(3);
        assertThat(round.path("members").findValuesAsText("username"))
                .containsExactlyInAnyOrderElementsOf(INDEPENDENT_COMMITTEE);

        // departing from the recommendation needs a rationale
        String confirm = driver.openTask(caseId, "Task_ConfirmStageGateDecision");
        ApiClient.Response noRationale = completeTask(PROGRAM_MANAGER, confirm,
                Map.of("stageGateDecision", "APPROPRIATE"));
        assertThat(noRationale.status()).isEqualTo(400);
        assertThat(noRationale.json().path("errors").findValuesAsText("field")).containsExactly("decisionRationale");
        assertThat(completeTask(PROGRAM_MANAGER, confirm, Map.of("stageGateDecision", "APPROPRIATE",
                "decisionRationale", "The partner ministry has since committed co-funding.")).status())
                .isEqualTo(204);
        assertThat(driver.stage(caseId)).isEqualTo("MOU");

        JsonNode decided = stageGate(caseId, PROGRAM_MANAGER).path("rounds").get(0);
        assertThat(decided.path("decision").asText()).isEqualTo("APPROPRIATE");
        assertThat(decided.path("decisionOverrides").asBoolean()).isTrue();
        assertThat(decided.path("decidedBy").asText()).isEqualTo(PROGRAM_MANAGER);
        assertThat(decided.path("decisionRationale").asText()).contains("co-funding");

        // the proponent sees the outcome, not who scored what
        JsonNode seenByProponent = stageGate(caseId, PROPONENT).path("rounds").get(0);
        assertThat(seenByProponent.path("decision").asText()).isEqualTo("APPROPRIATE");
        assertThat(seenByProponent.path("recommendation").asText()).isEqualTo("NOT_APPROPRIATE");
        assertThat(seenByProponent.has("evaluations")).isFalse();
        assertThat(seenByProponent.has("members")).isFalse();
        assertThat(stageGate(caseId, PROPONENT).has("candidates")).isFalse();
    }

    @Test
    void eachRoundRecordsOnlyItsOwnWordsEvenWhenTheSecondLeavesThemOut() {
        String caseId = caseAtTheStageGate("Case decided in two rounds");
        String roundOneRationale = "Round one: the business plan leaves the local partner's share open.";
        String roundOneConditions = "Round one: name the local partner and its share of the investment.";
        driver.complete(caseId, "Task_ConveneCommittee", PROGRAM_MANAGER);
        for (String member : INDEPENDENT_COMMITTEE) {
            assertThat(completeTask(member, driver.openTask(caseId, "Task_EvaluateCase", member), scores(3)).status())
                    .isEqualTo(204);
        }
        assertThat(completeTask(PROGRAM_MANAGER, driver.openTask(caseId, "Task_ConfirmStageGateDecision"),
                Map.of("stageGateDecision", "CONDITIONAL", "decisionRationale", roundOneRationale,
                        "revisionConditions", roundOneConditions)).status()).isEqualTo(204);
        driver.complete(caseId, "Task_ReviseProposal", PROPONENT);

        driver.complete(caseId, "Task_ConveneCommittee", PROGRAM_MANAGER);
        for (String member : INDEPENDENT_COMMITTEE) {
            assertThat(completeTask(member, driver.openTask(caseId, "Task_EvaluateCase", member), scores(4)).status())
                    .isEqualTo(204);
        }
        // the recommendation is followed, so the programme manager gives no rationale, and no conditions apply
        assertThat(completeTask(PROGRAM_MANAGER, driver.openTask(caseId, "Task_ConfirmStageGateDecision"),
                Map.of("stageGateDecision", "APPROPRIATE")).status()).isEqualTo(204);

        JsonNode rounds = stageGate(caseId, PROGRAM_MANAGER).path("rounds");
        assertThat(rounds).hasSize(2);
        JsonNode first = rounds.get(0).path("round").asInt() == 1 ? rounds.get(0) : rounds.get(1);
        JsonNode second = first == rounds.get(0) ? rounds.get(1) : rounds.get(0);
        assertThat(first.path("decisionRationale").asText()).isEqualTo(roundOneRationale);
        assertThat(second.path("decision").asText()).isEqualTo("APPROPRIATE");
        assertThat(second.path("decisionRationale").asText("")).as("round two's rationale").isEmpty();
        assertThat(second.path("revisionConditions").asText("")).as("round two's conditions").isEmpty();

        List<JsonNode> decisions = new ArrayList<>();
        driver.caseFile(caseId).path("history").forEach(step -> {
            if (step.toString().contains("Task_ConfirmStageGateDecision")) {
                decisions.add(step);
            }
        });
        assertThat(decisions).hasSize(2);
        JsonNode roundTwoStep = decisions.stream().filter(step -> step.toString().contains("APPROPRIATE")
                && !step.toString().contains("CONDITIONAL")).findFirst().orElseThrow();
        assertThat(roundTwoStep.toString()).as("round two's history entry")
                .doesNotContain("Round one", "local partner");
    }

    @Test
    void aDeclaredConflictNeedsNoScoresAndDoesNotCount() {
        String caseId = caseAtTheStageGate("Conflict case");
        driver.complete(caseId, "Task_ConveneCommittee", PROGRAM_MANAGER);
        Map<String, Object> conflict = Map.of("conflictOfInterest", true,
                "evaluationComments", "I reviewed this proponent's earlier study.");
        assertThat(completeTask(COMMITTEE_MEMBER, driver.openTask(caseId, "Task_EvaluateCase", COMMITTEE_MEMBER),
                conflict).status()).isEqualTo(204);
        driver.complete(caseId, "Task_EvaluateCase", SECOND_COMMITTEE_MEMBER);
        driver.complete(caseId, "Task_EvaluateCase", THIRD_COMMITTEE_MEMBER);

        JsonNode round = stageGate(caseId, PROGRAM_MANAGER).path("rounds").get(0);
        assertThat(round.path("validEvaluations").asInt()).isEqualTo(2);
        assertThat(round.path("recommendation").asText()).isEqualTo("NO_QUORUM");
        JsonNode declared = round.path("evaluations").get(0).path("member").asText().equals(COMMITTEE_MEMBER)
                ? round.path("evaluations").get(0) : round.path("evaluations").get(1);
        assertThat(declared.path("conflictOfInterest").asBoolean()).isTrue();
        assertThat(declared.path("counted").asBoolean()).isFalse();
        assertThat(declared.path("scores")).isEmpty();
    }

    @Test
    void aCommitteeMemberOfTheProponentsOrganisationSeesTheOutcomeNotWhoScoredWhat() {
        String caseId = caseAtTheStageGate(OTHER_PROPONENT, "Sakura case before the committee");
        driver.complete(caseId, "Task_ConveneCommittee", PROGRAM_MANAGER);
        for (String member : INDEPENDENT_COMMITTEE) {
            Map<String, Object> evaluation = scores(4);
            evaluation.put("evaluationComments", "Comment of " + member);
            assertThat(completeTask(member, driver.openTask(caseId, "Task_EvaluateCase", member), evaluation).status())
                    .isEqualTo(204);
        }

        // ito belongs to Sakura Engineering, like the proponent: the case is open to them, its scores are not
        JsonNode seenByColleague = stageGate(caseId, COMMITTEE_MEMBER_OF_SAKURA);
        JsonNode round = seenByColleague.path("rounds").get(0);
        assertThat(round.path("recommendation").asText()).isNotBlank();
        assertThat(round.path("averageScore").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(round.has("evaluations")).isFalse();
        assertThat(round.has("members")).isFalse();
        assertThat(round.has("convenedBy")).isFalse();
        assertThat(seenByColleague.has("candidates")).isFalse();
        assertThat(stageGate(caseId, COMMITTEE_MEMBER).path("rounds").get(0).path("evaluations")).hasSize(3);
        // nor does the case's history tell who scored what, to them or to the proponent
        for (String colleagueOrProponent : List.of(COMMITTEE_MEMBER_OF_SAKURA, OTHER_PROPONENT)) {
            ApiClient.Response caseFile = driver.as(colleagueOrProponent).get("/api/cases/" + caseId);
            assertThat(caseFile.status()).isEqualTo(200);
            assertThat(caseFile.json().path("history").findValuesAsText("stepKey")).contains("Task_EvaluateCase");
            assertThat(caseFile.text()).as(colleagueOrProponent).doesNotContain("Comment of", "scorePolicyFit",
                    COMMITTEE_MEMBER, SECOND_COMMITTEE_MEMBER, THIRD_COMMITTEE_MEMBER);
        }
        assertThat(driver.caseFile(caseId).toString()).contains("Comment of " + COMMITTEE_MEMBER);

        PageSession colleague = new PageSession(port, COMMITTEE_MEMBER_OF_SAKURA);
        PageSession.Page page = colleague.get("/cases/" + caseId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select(".stage-gate-round .recommendation").text()).isNotBlank();
        assertThat(page.document().select(".stage-gate-round table.scores")).isEmpty();
        assertThat(page.html()).doesNotContain("Comment of " + COMMITTEE_MEMBER);
        PageSession.Page seenByIndependentMember = new PageSession(port, COMMITTEE_MEMBER).get("/cases/" + caseId);
        assertThat(seenByIndependentMember.html()).contains("Comment of " + COMMITTEE_MEMBER);
    }

    @Test
    void nobodyOutsideTheCaseSeesItsStageGate() {
        String caseId = caseAtTheStageGate("Private case");
        assertThat(driver.as(OTHER_PROPONENT).get("/api/cases/" + caseId + "/stage-gate").status())
                .isEqualTo(404);
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/cases/00000000-0000-0000-0000-000000000000/stage-gate")
                .status()).isEqualTo(404);
    }
}
