package org.jcmflow.stagegate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.jcmflow.engine.ProcessContext;
import org.jcmflow.identity.Organizations;
import org.jcmflow.identity.UserDirectory.DirectoryUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The stage-gate committee as the stage-gate process drives it (bean {@code stageGateCommittee} in the BPMN):
 * offers the eligible members, convenes a round, records each evaluation, tallies them against the quorum,
 * extends the deadline once, and records the recommendation and the programme manager's decision. Runs inside
 * the engine's transaction, so a round is written together with the step that caused it, or not at all.
 * Times come from the engine's clock, which also fires the deadline timer.
 */
@Component("stageGateCommittee")
@EnableConfigurationProperties(StageGateProperties.class)
public class StageGateCommittee {

    /** Process variables the stage-gate BPMN and forms read. */
    static final String CANDIDATES = "committeeCandidates";
    static final String MEMBERS = "committeeMembers";
    static final String PENDING_MEMBERS = "pendingMembers";
    static final String MEMBER = "committeeMember";
    static final String ROUND = "stageGateRound";
    static final String DEADLINE = "evaluationDeadline";
    static final String EXTENDED = "evaluationExtended";
    static final String RECOMMENDATION = "recommendation";

    private static final Logger log = LoggerFactory.getLogger(StageGateCommittee.class);

    private final StageGateRecords records;
    private final CommitteeRules rules;
    private final StageGateProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CommitteeStandIns standIns;

    private final Organizations organizations;

    StageGateCommittee(StageGateRecords records, CommitteeRules rules, StageGateProperties properties,
                       ApplicationEventPublisher events, Clock clock, CommitteeStandIns standIns,
                       Organizations organizations) {
        this.organizations = organizations;
        this.clock = clock;
        this.standIns = standIns;
        this.records = records;
        this.rules = rules;
        this.properties = properties;
        this.events = events;
    }

    /** Offers the committee members the programme manager may convene: none of the proponent's organisation. */
    public void offerCandidates(DelegateTask task) {
        List<Map<String, String>> offered = new ArrayList<>();
        List<DirectoryUser> eligible;
        try {
            eligible = eligibleMembers(ProcessContext.caseId(task));
        } catch (RuntimeException directoryUnavailable) {
            // the step that led here (another person's) must not fail for it; the convening form offers nobody
            // until the directory answers, and convening checks the members against it again
            log.warn("Could not read the committee members from the user directory: {}",
                    directoryUnavailable.toString());
            eligible = List.of();
        }
        for (DirectoryUser member : eligible) {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", CommitteeCandidateOptions.label(member,
                    organizations.name(member.organization(), Locale.ENGLISH)));
            option.put("value", member.username());
            offered.add(option);
        }
        task.setVariable(CANDIDATES, offered);
    }

    /** Opens a round with the members the programme manager chose, each to evaluate by the deadline. */
    public void convene(DelegateTask task) {
        UUID caseId = ProcessContext.caseId(task);
        Map<String, DirectoryUser> eligible = eligibleMembers(caseId).stream()
                .collect(Collectors.toMap(DirectoryUser::username, member -> member));
        List<String> chosen = standIns.members(caseId, strings(task.getVariable(MEMBERS)), eligible.keySet(),
                ProcessContext.actor(task));
        List<DirectoryUser> members = chosen.stream().map(username -> {
            DirectoryUser member = eligible.get(username);
            if (member == null) {
                throw new IllegalStateException(username + " may not sit on the committee of case " + caseId);
            }
            return member;
        }).toList();
        Instant now = now();
        Instant deadline = now.plus(properties.evaluationPeriod());
        long round = records.openRound(caseId, task.getProcessInstanceId(), ProcessContext.actor(task), now, deadline,
                properties.quorum(), members);
        task.getExecution().setVariable(ROUND, round);
        task.getExecution().setVariable(DEADLINE, Date.from(deadline));
        task.getExecution().setVariable(EXTENDED, false);
        task.getExecution().setVariable(PENDING_MEMBERS, new ArrayList<>(chosen));
    }

    /**
     * Records a member's evaluation of the round under the person who completed it: the signed-in user (the engine
     * holds them to being the member the process gave the task to, tasks.TasklistWorkGuard), or, for the engine's
     * own work, the task's assignee, which nobody may change. Never under a process variable. A completion by anyone
     * but the member the process named, or by someone not on the round or who has answered in it already, is refused.
     */
    public void recordEvaluation(DelegateTask task) {
        String member = ProcessContext.actor(task);
        long round = round(task);
        String named = Objects.toString(task.getVariable(MEMBER), null);
        boolean onTheRound = StageGateRecords.usernames(records.members(round)).contains(member);
        boolean answered = records.evaluations(round).stream().anyMatch(evaluation -> evaluation.member().equals(member));
        if (!member.equals(task.getAssignee()) || !member.equals(named) || !onTheRound || answered) {
            throw new AuthorizationException("This evaluation was given to " + named + "; " + member
                    + " may not record it.");
        }
        boolean conflict = Boolean.TRUE.equals(task.getVariable("conflictOfInterest"));
        Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
        if (!conflict) {
            for (Criterion criterion : Criterion.values()) {
                Object score = task.getVariable(criterion.formKey());
                if (score instanceof Number number) {
                    scores.put(criterion, number.intValue());
                }
            }
        }
        records.recordEvaluation(round, new Evaluation(member, conflict, scores,
                Objects.toString(task.getVariable("evaluationComments"), ""), now()));
    }

    /** Counts the valid evaluations; sets what the quorum gateway and the recommendation table read. */
    public void tally(DelegateExecution execution) {
        long round = round(execution);
        List<Evaluation> evaluations = records.evaluations(round);
        CommitteeTally tally = CommitteeTally.of(evaluations);
        records.recordTally(round, tally);
        Set<String> answered = evaluations.stream().map(Evaluation::member).collect(Collectors.toSet());
        List<String> pending = StageGateRecords.usernames(records.members(round)).stream()
                .filter(member -> !answered.contains(member)).collect(Collectors.toCollection(ArrayList::new));
        boolean quorumReached = tally.reaches(properties.quorum());
        execution.setVariable(PENDING_MEMBERS, pending);
        execution.setVariable("validEvaluations", tally.validEvaluations());
        execution.setVariable("quorumReached", quorumReached);
        execution.setVariable("mayExtend", !quorumReached && !pending.isEmpty()
                && !Boolean.TRUE.equals(execution.getVariable(EXTENDED)));
        execution.setVariable("averageScore", tally.averageScore() == null ? 0.0 : tally.averageScore().doubleValue());
        execution.setVariable("lowestCriterionAverage",
                tally.lowestCriterionAverage() == null ? 0.0 : tally.lowestCriterionAverage().doubleValue());
        execution.setVariable("majorityScoredOne", tally.majorityScoredOne());
        execution.setVariable("commercialisationAverage",
                tally.commercialisationAverage() == null ? null : tally.commercialisationAverage().doubleValue());
    }

    /** Gives the members who have not answered one more period. */
    public void extend(DelegateExecution execution) {
        Instant deadline = now().plus(properties.extensionPeriod());
        records.extend(round(execution), deadline);
        execution.setVariable(DEADLINE, Date.from(deadline));
        execution.setVariable(EXTENDED, true);
    }

    /** Keeps the decision table's recommendation with the round. */
    public void recordRecommendation(DelegateExecution execution) {
        records.recordRecommendation(round(execution),
                Recommendation.valueOf(String.valueOf(execution.getVariable(RECOMMENDATION))));
    }

    /** Too few valid evaluations even after the extension: the programme manager decides without a recommendation. */
    public void noQuorum(DelegateExecution execution) {
        execution.setVariable(RECOMMENDATION, Recommendation.NO_QUORUM.name());
        records.recordRecommendation(round(execution), Recommendation.NO_QUORUM);
    }

    /**
     * Records the programme manager's decision, and whether it departs from the recommendation, and announces it
     * (the proponents are told by mail).
     */
    public void decide(DelegateTask task) {
        String decision = String.valueOf(task.getVariable("stageGateDecision"));
        String recommendation = String.valueOf(task.getVariable(RECOMMENDATION));
        records.recordDecision(round(task), decision, !decision.equals(recommendation),
                (String) task.getVariable("decisionRationale"),
                "CONDITIONAL".equals(decision) ? (String) task.getVariable("revisionConditions") : null,
                ProcessContext.actor(task), now());
        events.publishEvent(new StageGateDecided(ProcessContext.caseId(task), decision));
    }

    private List<DirectoryUser> eligibleMembers(UUID caseId) {
        return rules.eligibleMembers(records.proponentOrganization(caseId));
    }

    private static long round(VariableScope scope) {
        return ((Number) scope.getVariable(ROUND)).longValue();
    }

    private Instant now() {
        return clock.instant();
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof Collection<?> values)) {
            return List.of();
        }
        return values.stream().map(String::valueOf).toList();
    }
}
