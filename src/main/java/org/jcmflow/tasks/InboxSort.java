package org.jcmflow.tasks;

import java.util.Arrays;
import java.util.List;

import org.jcmflow.casefile.Stage;
import org.jcmflow.engine.EngineTables.TaskOrder;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;

/** How the inbox is sorted, as the API and the page name it ({@code sort=due}): due date first unless asked. */
public enum InboxSort {

    DUE("due", TaskOrder.DUE_DATE),
    CREATED("created", TaskOrder.NEWEST_FIRST),
    CASE("case", TaskOrder.CASE_TITLE),
    STAGE("stage", TaskOrder.CASE_STAGE);

    /** The cases' stages in the lifecycle's order, for the sort by stage. */
    static final List<String> STAGE_ORDER = Arrays.stream(Stage.values()).map(Stage::name).toList();

    private final String parameter;
    private final TaskOrder order;

    InboxSort(String parameter, TaskOrder order) {
        this.parameter = parameter;
        this.order = order;
    }

    /** The sort the parameter names; none given is by due date; anything else is 400 naming {@code sort}. */
    public static InboxSort of(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return DUE;
        }
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(parameter.trim())).findFirst()
                .orElseThrow(() -> new InvalidInput(List.of(FieldProblem.coded("sort",
                        "must be one of due, created, case, stage", "sortUnknown"))));
    }

    public String parameter() {
        return parameter;
    }

    TaskOrder order() {
        return order;
    }
}
