package org.jcmflow.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jcmflow.tasks.CompletionRule;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * The installation's dates agree with the MOU: it starts on or after the day the MOU was signed, and ends after it
 * starts. That the installation comes after the signature at all is the lifecycle's doing: its task only opens
 * once the MOU is signed.
 */
@Component
class InstallationAfterMouRule implements CompletionRule {

    static final String TASK = "Task_InstallTechnology";

    @Override
    public List<FieldProblem> check(String taskKey, Map<String, Object> values, Function<String, Object> variable) {
        if (!TASK.equals(taskKey)) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = LocalDate.parse((String) values.get("installationStartDate"));
        LocalDate completed = LocalDate.parse((String) values.get("installationCompletedDate"));
        Object signed = variable.apply("mouSignedDate");
        if (signed != null && start.isBefore(LocalDate.parse(signed.toString()))) {
            problems.add(FieldProblem.coded("installationStartDate",
                    "must not be before the MOU was signed (" + signed + ")", "beforeMouSigned", signed.toString()));
        }
        if (completed.isBefore(start)) {
            problems.add(FieldProblem.coded("installationCompletedDate", "must not be before the installation started",
                    "completedBeforeStart"));
        }
        return problems;
    }
}
