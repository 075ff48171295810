package org.jcmflow.stagegate;

import java.util.List;
import java.util.UUID;

import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.identity.UserDirectory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a case's stage gate for someone who may see the case. Its proponents, and anyone else of their
 * organisation (a committee member, who may not evaluate the case for that reason), see the outcome, not who
 * was convened nor who scored what ({@link CaseFileService#seesOnlyOutcomes}).
 */
@Service
public class StageGateQueries {

    private final StageGateRecords records;
    private final CaseFileService cases;
    private final UserDirectory directory;
    private final StageGateProperties properties;

    StageGateQueries(StageGateRecords records, CaseFileService cases, UserDirectory directory,
                     StageGateProperties properties) {
        this.records = records;
        this.cases = cases;
        this.directory = directory;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public StageGateView stageGate(UUID caseId, CurrentUser user) {
        ProjectCase projectCase = cases.visibleCase(caseId, user);
        String proponentOrganization = projectCase.organization();
        boolean seesMembers = !CaseFileService.seesOnlyOutcomes(user, projectCase);
        List<StageGateView.RoundView> rounds = records.rounds(caseId).stream().map(round -> {
            List<Evaluation> evaluations = records.evaluations(round.id());
            CommitteeTally tally = CommitteeTally.of(evaluations);
            return new StageGateView.RoundView(round.number(), seesMembers ? round.convenedBy() : null,
                    round.convenedAt(), round.deadline(), round.extended(),
                    seesMembers ? records.members(round.id()).stream().map(member -> new StageGateView.MemberView(
                            member.username(), member.displayName(), member.organization())).toList() : null,
                    seesMembers ? evaluations.stream().map(evaluation -> new StageGateView.EvaluationView(
                            evaluation.member(), evaluation.conflictOfInterest(), evaluation.valid(),
                            evaluation.scores(), evaluation.comment(), evaluation.submittedAt())).toList() : null,
                    evaluations.size(), round.validEvaluations(), tally.criterionAverages(), round.averageScore(),
                    round.recommendation(), round.decision(), round.decisionOverrides(), round.decisionRationale(),
                    round.revisionConditions(), seesMembers ? round.decidedBy() : null, round.decidedAt());
        }).toList();
        List<StageGateView.MemberView> candidates = user.has(Role.PROGRAM_MANAGER)
                ? directory.usersWithRole(Role.STAGE_GATE_COMMITTEE).stream()
                        .filter(member -> member.organization() == null
                                || !member.organization().equals(proponentOrganization))
                        .map(member -> new StageGateView.MemberView(member.username(), member.displayName(),
                                member.organization())).toList()
                : null;
        return new StageGateView(caseId, properties.quorum(), rounds, candidates);
    }
}
