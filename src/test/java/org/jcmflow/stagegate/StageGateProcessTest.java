package org.jcmflow.stagegate;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jcmflow.identity.Organizations;
import org.jcmflow.engine.EngineClock;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.jcmflow.identity.Role;
import org.jcmflow.identity.UserDirectory;
import org.jcmflow.lifecycle.ProcessTest;
import org.jcmflow.lifecycle.ProcessTestSupport;
import org.jcmflow.lifecycle.RecordingDeadlines;
import org.jcmflow.testsupport.ProcessTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stage gate with its committee: convening, evaluations with conflicts of interest, the quorum, the
 * deadline and its one extension, the decision table and the programme manager's decision, and revisions.
 * The committee's records go to our tables on the process tests' PostgreSQL.
 */
@ProcessTest
@Deployment(resources = {"bpmn/stage-gate.bpmn", "bpmn/stage-gate-recommendation.dmn"})
class StageGateProcessTest {

    /** Four committee members outside the proponent's organisation, and one inside it. */
    static final UserDirectory DIRECTORY = role -> role != Role.STAGE_GATE_COMMITTEE ? List.of() : List.of(
            new UserDirectory.DirectoryUser("inoue", "Aiko Inoue", "osaka-environment-institute"),
            new UserDirectory.DirectoryUser("ito", "Ken Ito", "sakura-engineering"),
            new UserDirectory.DirectoryUser("kobayashi", "Yuki Kobayashi", "tohoku-university"),
            new UserDirectory.DirectoryUser("matsuda", "Rie Matsuda", "kyoto-university"),
            new UserDirectory.DirectoryUser("yamamoto", "Hiroshi Yamamoto", "kyoto-university"));

    final JdbcTemplate jdbc = new JdbcTemplate(ProcessTestDatabase.dataSource());
    final StageGateRecords records = new StageGateRecords(jdbc);
    UUID caseId;
    final List<Object> decisions = new ArrayList<>();

    @BeforeEach
    void committeeAndCase() {
        StageGateProperties properties = new StageGateProperties(3, Duration.ofDays(14), Duration.ofDays(7), 2014);
        Mocks.register("stageGateCommittee", new StageGateCommittee(records, new CommitteeRules(DIRECTORY, properties),
                properties, decisions::add, new EngineClock(), (id, chosen, eligible, actor) -> chosen, organizations()));
        caseId = UUID.randomUUID();
        jdbc.update("""
                insert into project_case (id, title, partner_country, technology, estimated_reduction_tco2_per_year,
                    budget_million_jpy, fiscal_year, organization, created_by, created_at, stage, stage_entered_at)
                values (?, 'Sakura case', 'VN', 'Heat pumps', 1000, 100, 2016, 'sakura-engineering', 'suzuki', ?,
                    'STAGE_GATE', ?)""", caseId, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("jcm-stage-gate", caseId.toString(),
                withVariables("caseId", caseId.toString()));
    }

    private void convene(ProcessInstance stageGate, String... members) {
        assertThat(stageGate).isWaitingAt("Task_ConveneCommittee");
        assertThat(task(stageGate)).hasCandidateGroup("program-manager");
        complete(task(stageGate), withVariables("committeeMembers", new ArrayList<>(List.of(members))));
        assertThat(stageGate).isWaitingAt("Task_EvaluateCase");
    }

    private Task evaluationOf(ProcessInstance stageGate, String member) {
        Task task = taskQuery().processInstanceId(stageGate.getId()).taskAssignee(member).singleResult();
        Assertions.assertThat(task).as("evaluation task of " + member).isNotNull();
        return task;
    }

    private void score(ProcessInstance stageGate, String member, int... scores) {
        Map<String, Object> values = new HashMap<>();
        values.put("conflictOfInterest", false);
        Criterion[] criteria = Criterion.values();
        for (int i = 0; i < criteria.length; i++) {
            values.put(criteria[i].formKey(), (long) scores[i % scores.length]);
        }
        values.put("evaluationComments", "Scored by " + member);
        complete(evaluationOf(stageGate, member), values);
    }

    private void declareConflict(ProcessInstance stageGate, String member) {
        complete(evaluationOf(stageGate, member), withVariables("conflictOfInterest", true,
                "evaluationComments", "I advised the proponent last year."));
    }

    private void decide(ProcessInstance stageGate, String decision) {
        assertThat(stageGate).isWaitingAt("Task_ConfirmStageGateDecision");
        complete(task(stageGate), withVariables("stageGateDecision", decision, "decisionRationale", "As scored."));
    }

    private StageGateRecords.Round latestRound() {
        List<StageGateRecords.Round> rounds = records.rounds(caseId);
        return rounds.get(rounds.size() - 1);
    }

    private void afterDays(int days) {
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plus(Duration.ofDays(days))));
    }

    @Test
    void theProgrammeManagerIsOfferedOnlyMembersOutsideTheProponentsOrganisation() {
        ProcessInstance stageGate = start();
        assertThat(stageGate).isWaitingAt("Task_ConveneCommittee");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> offered = (List<Map<String, String>>) runtimeService()
                .getVariable(stageGate.getId(), StageGateCommittee.CANDIDATES);
        Assertions.assertThat(offered).extracting(option -> option.get("value"))
                .containsExactly("inoue", "kobayashi", "matsuda", "yamamoto");
        Assertions.assertThat(offered.get(1).get("label")).isEqualTo("Yuki Kobayashi (Tohoku University)");
    }

    @Test
    void eachMemberEvaluatesAndAGoodScoreIsRecommendedAsAppropriate() {
        ProcessInstance stageGate = start();
        convene(stageGate, "kobayashi", "yamamoto", "inoue");
        Assertions.assertThat(taskQuery().processInstanceId(stageGate.getId()).list())
                .extracting(Task::getAssignee).containsExactlyInAnyOrder("kobayashi", "yamamoto", "inoue");
        Assertions.assertThat(evaluationOf(stageGate, "kobayashi").getDueDate()).isInTheFuture();
        score(stageGate, "kobayashi", 4);
        score(stageGate, "yamamoto", 5, 4);
        assertThat(stageGate).isWaitingAt("Task_EvaluateCase");
        score(stageGate, "inoue", 4);
        assertThat(stageGate).isWaitingAt("Task_ConfirmStageGateDecision")
                .variables().containsEntry("recommendation", "APPROPRIATE").containsEntry("validEvaluations", 3);
        decide(stageGate, "APPROPRIATE");
        assertThat(stageGate).hasPassedInOrder("Task_ConveneCommittee", "Task_EvaluateCase", "Task_TallyEvaluations",
                "Task_RecommendDecision", "Task_ConfirmStageGateDecision", "End_Appropriate").isEnded();

        StageGateRecords.Round round = latestRound();
        Assertions.assertThat(round.number()).isEqualTo(1);
        Assertions.assertThat(round.validEvaluations()).isEqualTo(3);
        Assertions.assertThat(round.averageScore()).isEqualByComparingTo("4.17");
        Assertions.assertThat(round.recommendation()).isEqualTo("APPROPRIATE");
        Assertions.assertThat(round.decision()).isEqualTo("APPROPRIATE");
        Assertions.assertThat(round.decisionOverrides()).isFalse();
        Assertions.assertThat(decisions).containsExactly(new StageGateDecided(caseId, "APPROPRIATE"));
        Assertions.assertThat(records.evaluations(round.id())).extracting(Evaluation::member)
                .containsExactlyInAnyOrder("kobayashi", "yamamoto", "inoue");
    }

    @Test
    void aDeclaredConflictKeepsTheMembersScoresOutOfTheDecision() {
        ProcessInstance stageGate = start();
        convene(stageGate, "kobayashi", "yamamoto", "inoue", "matsuda");
        score(stageGate, "kobayashi", 3);
        score(stageGate, "yamamoto", 3);
        score(stageGate, "inoue", 3);
        declareConflict(stageGate, "matsuda");
        assertThat(stageGate).isWaitingAt("Task_ConfirmStageGateDecision")
                .variables().containsEntry("recommendation", "CONDITIONAL").containsEntry("validEvaluations", 3);
        Evaluation conflicted = records.evaluations(latestRound().id()).stream()
                .filter(evaluation -> evaluation.member().equals("matsuda")).findFirst().orElseThrow();
        Assertions.assertThat(conflicted.conflictOfInterest()).isTrue();
        Assertions.assertThat(conflicted.scores()).isEmpty();
        Assertions.assertThat(latestRound().averageScore()).isEqualByComparingTo("3.00");
    }

    @Test
    void tooFewValidEvaluationsWithNobodyLeftToAnswerGoToTheProgrammeManagerAsNoQuorum() {
        ProcessInstance stageGate = start();
        convene(stageGate, "kobayashi", "yamamoto", "inoue");
        score(stageGate, "kobayashi", 5);
        declareConflict(stageGate, "yamamoto");
        score(stageGate, "inoue", 5);
        assertThat(stageGate).isWaitingAt("Task_ConfirmStageGateDecision")
                .hasPassed("Task_RecordNoQuorum").hasNotPassed("Task_ExtendEvaluation", "Task_RecommendDecision")
                .variables().containsEntry("recommendation", "NO_QUORUM");
        decide(stageGate, "NOT_APPROPRIATE");
        assertThat(stageGate).hasPassed("End_NotAppropriate").isEnded();
        Assertions.assertThat(latestRound().recommendation()).isEqualTo("NO_QUORUM");
        Assertions.assertThat(latestRound().decisionOverrides()).isTrue();
    }

    @Test
    void atTheDeadlineBelowQuorumTheEvaluationIsExtendedOnceThenGoesToTheProgrammeManager() {
        ProcessInstance stageGate = start();
        convene(stageGate, "kobayashi", "yamamoto", "inoue", "matsuda");
        score(stageGate, "kobayashi", 4);
        Instant firstDeadline = latestRound().deadline();

        afterDays(15);
        execute(job("Boundary_EvaluationDeadline", stageGate));
        assertThat(stageGate).hasPassed("Boundary_EvaluationDeadline", "Task_ExtendEvaluation")
                .isWaitingAt("Task_EvaluateCase");
        Assertions.assertThat(taskQuery().processInstanceId(stageGate.getId()).list())
                .extracting(Task::getAssignee).containsExactlyInAnyOrder("yamamoto", "inoue", "matsuda");
        Assertions.assertThat(latestRound().extended()).isTrue();
        Assertions.assertThat(latestRound().deadline()).isAfter(firstDeadline);
        score(stageGate, "yamamoto", 4);

        afterDays(23);
        execute(job("Boundary_EvaluationDeadline", stageGate));
        assertThat(stageGate).hasPassed("Task_RecordNoQuorum").isWaitingAt("Task_ConfirmStageGateDecision")
                .variables().containsEntry("recommendation", "NO_QUORUM").containsEntry("validEvaluations", 2);
        Assertions.assertThat(taskQuery().processInstanceId(stageGate.getId()).taskDefinitionKey("Task_EvaluateCase")
                .count()).isZero();
    }

    @Test
    void atTheDeadlineWithAQuorumTheMissingMembersAreNotWaitedFor() {
        ProcessInstance stageGate = start();
        convene(stageGate, "kobayashi", "yamamoto", "inoue", "matsuda");
        score(stageGate, "kobayashi", 2);
        score(stageGate, "yamamoto", 2);
        score(stageGate, "inoue", 2);
        afterDays(15);
        execute(job("Boundary_EvaluationDeadline", stageGate));
        assertThat(stageGate).isWaitingAt("Task_ConfirmStageGateDecision")
                .hasNotPassed("Task_ExtendEvaluation")
                .variables().containsEntry("recommendation", "NOT_APPROPRIATE");
        decide(stageGate, "NOT_APPROPRIATE");
        assertThat(stageGate).hasPassed("End_NotAppropriate").isEnded();
    }

    @Test
    void aConditionalCaseIsRevisedAndTheCommitteeConvenedAgain() {
        ProcessInstance stageGate = start();
        convene(stageGate, "kobayashi", "yamamoto", "inoue");
        score(stageGate, "kobayashi", 3);
        score(stageGate, "yamamoto", 3);
        score(stageGate, "inoue", 3);
        decide(stageGate, "CONDITIONAL");
        assertThat(stageGate).isWaitingAt("Task_ReviseProposal");
        assertThat(task(stageGate)).hasCandidateGroup("proponent");
        complete(task(stageGate));
        assertThat(stageGate).variables().containsEntry("stageGateRevisions", 1L);
        convene(stageGate, "kobayashi", "yamamoto", "matsuda");
        score(stageGate, "kobayashi", 4);
        score(stageGate, "yamamoto", 4);
        score(stageGate, "matsuda", 4);
        decide(stageGate, "APPROPRIATE");
        assertThat(stageGate).hasPassed("End_Appropriate").isEnded();
        Assertions.assertThat(records.rounds(caseId)).extracting(StageGateRecords.Round::decision)
                .containsExactly("CONDITIONAL", "APPROPRIATE");
    }

    @Test
    void aThirdConditionalDecisionReachesTheRevisionLimit() {
        ProcessInstance stageGate = start();
        for (int round = 1; round <= 3; round++) {
            convene(stageGate, "kobayashi", "yamamoto", "inoue");
            score(stageGate, "kobayashi", 3);
            score(stageGate, "yamamoto", 3);
            score(stageGate, "inoue", 3);
            decide(stageGate, "CONDITIONAL");
            if (round < 3) {
                complete(task(stageGate));
            }
        }
        assertThat(stageGate).hasPassed("End_RevisionLimitReached")
                .hasNotPassed("End_Appropriate", "End_NotAppropriate").isEnded()
                .variables().containsEntry("stageGateRevisions", 2L);
        Assertions.assertThat(records.rounds(caseId)).hasSize(3);
    }

    @Test
    void theProgrammeManagersLateStepsAndTheProponentsLateRevisionAreRemindedThenEscalated(
            RecordingDeadlines deadlines) {
        ProcessInstance stageGate = start();
        ProcessTestSupport.remindThenEscalate(stageGate, "Task_ConveneCommittee", deadlines);
        convene(stageGate, "kobayashi", "yamamoto", "inoue");
        score(stageGate, "kobayashi", 3);
        score(stageGate, "yamamoto", 3);
        score(stageGate, "inoue", 3);
        ProcessTestSupport.remindThenEscalate(stageGate, "Task_ConfirmStageGateDecision", deadlines);
        decide(stageGate, "CONDITIONAL");
        ProcessTestSupport.remindThenEscalate(stageGate, "Task_ReviseProposal", deadlines);
        Assertions.assertThat(deadlines.sent()).containsExactly(
                "reminder Task_ConveneCommittee", "escalation Task_ConveneCommittee",
                "reminder Task_ConfirmStageGateDecision", "escalation Task_ConfirmStageGateDecision",
                "reminder Task_ReviseProposal", "escalation Task_ReviseProposal");
        assertThat(stageGate).isWaitingAt("Task_ReviseProposal");
    }

    @Test
    void membersWhoHaveNotAnsweredAreRemindedBeforeTheEvaluationDeadline(RecordingDeadlines deadlines) {
        ProcessInstance stageGate = start();
        convene(stageGate, "kobayashi", "yamamoto", "inoue", "matsuda");
        score(stageGate, "kobayashi", 4);
        Instant deadline = latestRound().deadline();
        var reminder = ProcessTestSupport.timer(stageGate, "Boundary_EvaluationReminder");
        Assertions.assertThat(Duration.between(reminder.getDuedate().toInstant(), deadline))
                .isBetween(Duration.ofDays(7).minusSeconds(1), Duration.ofDays(7).plusSeconds(1));
        ProcessTestSupport.fireWhenDue(reminder);
        Assertions.assertThat(deadlines.sent()).containsExactly("reminder Task_EvaluateCase");
        assertThat(stageGate).hasPassed("End_EvaluationReminded").isWaitingAt("Task_EvaluateCase");
        Assertions.assertThat(taskQuery().processInstanceId(stageGate.getId()).list())
                .extracting(Task::getAssignee).containsExactlyInAnyOrder("yamamoto", "inoue", "matsuda");
    }

    /** The organisations' names, from the realm export the application reads. */
    private static Organizations organizations() {
        try {
            return new Organizations(new FileSystemResource("keycloak-realm/jcm-realm.json"), new ObjectMapper());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
