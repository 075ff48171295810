package org.jcmflow.tasks;

import java.util.List;
import java.util.UUID;

import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.identity.UserDirectory;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jcmflow.problem.Problem;

import org.springframework.stereotype.Component;

/**
 * Who may act on a task, wherever it is done: through our API and pages ({@link CaseTaskService}) and in
 * Camunda Tasklist ({@link TasklistRequestCheck}, {@link TasklistWorkGuard}).
 */
@Component
class TaskWorkRules {

    private final CaseFileService cases;
    private final UserDirectory directory;

    TaskWorkRules(CaseFileService cases, UserDirectory directory) {
        this.cases = cases;
        this.directory = directory;
    }

    /**
     * Giving the task to someone else by name (a programme manager's reassignment, an operator's assignment in
     * Camunda Tasklist, a stand-in): the person must be someone who could claim it themselves. Refused as bad input
     * naming {@code field}.
     */
    void checkMayBeGiven(String username, UUID caseId, List<String> candidateGroups, String field) {
        CurrentUser person = directory.person(username).orElseThrow(() -> new InvalidInput(List.of(
                FieldProblem.coded(field, "is no user of JCM Flow", "noSuchPerson", username))));
        ProjectCase projectCase = cases.find(caseId).orElseThrow(() -> Problem.notFound("No case " + caseId, "noCase"));
        String problem = !cases.maySee(person, projectCase) ? "mayNotSeeCase"
                : !person.hasAnyGroup(candidateGroups) ? "holdsNoTaskRole"
                : ownOrganizationsEvaluation(person, projectCase, candidateGroups) ? "ownOrganizationsCase" : null;
        if (problem != null) {
            throw new InvalidInput(List.of(FieldProblem.coded(field, switch (problem) {
                case "mayNotSeeCase" -> username + " may not see this case";
                case "holdsNoTaskRole" -> username + " holds none of the task's roles ("
                        + String.join(", ", candidateGroups) + ")";
                default -> username + " is a committee member of the case's own organisation";
            }, problem, username)));
        }
    }

    /** The task's case, if the user may see it: proponents see their own organisation's cases only. */
    ProjectCase visibleCase(UUID caseId, CurrentUser user) {
        return cases.find(caseId).filter(found -> cases.maySee(user, found)).orElseThrow(() ->
                Problem.forbidden("This task belongs to a case of another organisation.", "otherOrganization"));
    }

    /** Whether the user may see the case at all; a case that does not exist (null, or gone) is not seen. */
    boolean maySee(UUID caseId, CurrentUser user) {
        return caseId != null && cases.find(caseId).filter(found -> cases.maySee(user, found)).isPresent();
    }

    /** Claiming and completing: one of the task's roles, and no committee member on their own organisation's case. */
    void checkMayWork(CurrentUser user, UUID caseId, List<String> candidateGroups) {
        ProjectCase projectCase = visibleCase(caseId, user);
        if (!user.hasAnyGroup(candidateGroups)) {
            String groups = String.join(", ", candidateGroups);
            throw Problem.forbidden("The task is for " + groups + "; you hold none of these roles.",
                    "notYourRole", groups);
        }
        if (ownOrganizationsEvaluation(user, projectCase, candidateGroups)) {
            throw Problem.forbidden("A committee member may not evaluate a case of their own organisation.",
                    "ownOrganization");
        }
    }

    /** A committee member's task on a case of their own organisation, which they may not work on. */
    static boolean ownOrganizationsEvaluation(CurrentUser user, ProjectCase projectCase, List<String> candidateGroups) {
        return candidateGroups.contains(Role.STAGE_GATE_COMMITTEE.groupId()) && user.organization() != null
                && projectCase.organization().equals(user.organization());
    }

    /** Completing: also, nobody else has claimed the task. */
    void checkMayComplete(CurrentUser user, UUID caseId, List<String> candidateGroups, String assignee) {
        checkMayWork(user, caseId, candidateGroups);
        if (assignee != null && !assignee.equals(user.username())) {
            throw Problem.forbidden("The task is claimed by " + assignee + ".", "taskClaimed", assignee);
        }
    }
}
