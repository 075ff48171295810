package org.jcmflow.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jcmflow.tasks.CompletionRule;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.springframework.stereotype.Component;

/** No installation before the MOU is signed, and no installation that ends before it starts. */
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
        if (signed == null) {
            problems.add(FieldProblem.coded("installationStartDate", "no MOU has been signed for this case",
                    "noMouSigned"));
        } else if (start.isBefore(LocalDate.parse(signed.toString()))) {
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
