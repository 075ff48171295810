package org.jcmflow.tasks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jcmflow.problem.Problem;
import org.jcmflow.web.ProblemDocuments;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Service;

/**
 * Claims several tasks at once, each under the rules of a single claim and in a transaction of its own: a task
 * taken meanwhile by someone else is refused with its reason, and the others are still claimed.
 */
@Service
class BulkClaims {

    static final int AT_MOST = 100;

    /**
     * What came of it: the tasks now the caller's, and the refused ones with why.
     *
     * @param refused each with the HTTP status a single claim would have answered and its reason
     */
    record Outcome(List<String> claimed, List<Refusal> refused) {
    }

    /** A task not claimed: the status a single claim of it answers, and why, in English and for the page. */
    record Refusal(String taskId, int status, String detail, @JsonIgnore MessageSourceResolvable reason) {
    }

    private final TaskWork work;

    BulkClaims(TaskWork work) {
        this.work = work;
    }

    Outcome claim(List<String> taskIds, CurrentUser user) {
        Set<String> distinct = checked(taskIds);
        List<String> claimed = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (String taskId : distinct) {
            try {
                work.claim(taskId, user);
                claimed.add(taskId);
            } catch (Problem problem) {
                refused.add(new Refusal(taskId, ProblemDocuments.statusOf(problem.kind()).value(),
                        problem.getMessage(), problem.localizable()));
            }
        }
        return new Outcome(claimed, refused);
    }

    private static Set<String> checked(List<String> taskIds) {
        if (taskIds == null || taskIds.isEmpty()) {
            throw new InvalidInput(List.of(FieldProblem.coded("taskIds", "names no task", "noTaskChosen")));
        }
        if (taskIds.size() > AT_MOST) {
            throw new InvalidInput(List.of(FieldProblem.coded("taskIds", "names more than " + AT_MOST + " tasks",
                    "tooManyTasks", AT_MOST)));
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String taskId : taskIds) {
            if (taskId == null || taskId.isBlank() || taskId.length() > 64) {
                throw new InvalidInput(List.of(FieldProblem.coded("taskIds", "holds a value that is no task id",
                        "noTaskId")));
            }
            distinct.add(taskId.trim());
        }
        return distinct;
    }
}
