package org.jcmflow.tasks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.jcmflow.casefile.CasePageSection;
import org.jcmflow.casefile.CaseTasks;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;

import org.springframework.stereotype.Component;

/**
 * On the case page, for programme managers: who has each open task, and a form to give it to a named person of
 * its roles or hand it back to them. A task the process gave by name is shown, not offered.
 */
@Component
class ReassignmentSection implements CasePageSection {

    /** @param candidates who may be given it; empty for a task given by name */
    record Row(CaseTasks.OpenTask task, boolean byName, List<String> candidates) {
    }

    record View(UUID caseId, List<Row> rows) {
    }

    private final OpenCaseTasks openTasks;
    private final TaskReassignment reassignment;
    private final TaskLookup lookup;
    private final TaskService tasks;

    ReassignmentSection(OpenCaseTasks openTasks, TaskReassignment reassignment, TaskLookup lookup, TaskService tasks) {
        this.openTasks = openTasks;
        this.reassignment = reassignment;
        this.lookup = lookup;
        this.tasks = tasks;
    }

    @Override
    public Optional<Section> render(UUID caseId, CurrentUser user) {
        if (!user.has(Role.PROGRAM_MANAGER)) {
            return Optional.empty();
        }
        List<Row> rows = openTasks.openTasks(caseId).stream().flatMap(open -> Optional.ofNullable(
                tasks.createTaskQuery().taskId(open.id()).singleResult()).stream().map(task -> {
                    boolean byName = lookup.assignedByName(task);
                    return new Row(open, byName, byName ? List.of()
                            : reassignment.candidates(caseId, open.candidateGroups()));
                })).toList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Section("tasks/reassign", new View(caseId, rows)));
    }
}
