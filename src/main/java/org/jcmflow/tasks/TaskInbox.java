package org.jcmflow.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.CaseSearch;
import org.jcmflow.casefile.CaseVisibility;
import org.jcmflow.casefile.JcmTrackStage;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.casefile.Stage;
import org.jcmflow.engine.EngineTables;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.problem.Problem;
import org.jcmflow.web.Pagination;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which tasks a user has: the inbox, a page at a time, and one task as the inbox shows it. */
@Service
public class TaskInbox {

    private final EngineTables engineTables;
    private final RuntimeService runtime;
    private final CaseFileService cases;
    private final TaskLookup lookup;
    private final TaskSubmissions submissions;
    private final Clock clock;
    private final int countedTasksAtMost;

    TaskInbox(EngineTables engineTables, RuntimeService runtime, CaseFileService cases, TaskLookup lookup,
              TaskSubmissions submissions, Clock clock,
              @Value("${jcm.tasks.inbox-counted-at-most}") int countedTasksAtMost) {
        this.submissions = submissions;
        this.engineTables = engineTables;
        this.runtime = runtime;
        this.cases = cases;
        this.lookup = lookup;
        this.clock = clock;
        this.countedTasksAtMost = countedTasksAtMost;
    }

    /**
     * A page of the inbox. Tasks are counted up to {@code jcm.tasks.inbox-counted-at-most}: past that,
     * totalElements is that many and totalIsLowerBound is true ("1,000 or more"), so that a role with tens of
     * thousands of open tasks does not have them all counted at every request.
     */
    public record TaskPage(List<TaskView> content, int page, int size, long totalElements,
                           boolean totalIsLowerBound) {

        public TaskPage(List<TaskView> content, int page, int size, long totalElements) {
            this(content, page, size, totalElements, false);
        }
    }

    /**
     * Tasks assigned to the user, and unassigned tasks open to one of the user's roles, on cases they may see,
     * narrowed to cases in the given stage and partner country, and found by the search text, where these are given.
     */
    @Transactional(readOnly = true)
    public TaskPage inbox(CurrentUser user, Stage stage, String partnerCountry, String query, int page, int size) {
        return inbox(user, stage, partnerCountry, query, InboxSort.DUE, page, size);
    }

    /** As above, in the given order. */
    @Transactional(readOnly = true)
    public TaskPage inbox(CurrentUser user, Stage stage, String partnerCountry, String query, InboxSort sort,
                          int page, int size) {
        CaseVisibility visible = cases.visibility(user, stage, partnerCountry, query);
        EngineTables.InboxPage found = engineTables.inbox(user.username(), user.groupIds(),
                new EngineTables.CaseScope(visible.organization(),
                        visible.stage() == null ? null : visible.stage().name(), visible.partnerCountry(),
                        CaseSearch.matchingCaseIds("#{visibleSearch}"), visible.searchPattern()),
                sort.order(), InboxSort.STAGE_ORDER, Pagination.offset(page, size), size, countedTasksAtMost);
        boolean more = found.counted() > countedTasksAtMost;
        return new TaskPage(views(found.tasks()), page, size, more ? countedTasksAtMost : found.counted(), more);
    }

    @Transactional(readOnly = true)
    public TaskView view(String taskId, CurrentUser user) {
        Task task = lookup.visibleTask(taskId, user);
        return views(List.of(task)).stream().findFirst().orElseThrow(TaskLookup::completedMeanwhile);
    }

    /**
     * The tasks past their due date on the cases of a fiscal year and a partner country (null: any), whoever they
     * are for, proponents included: the very tasks the dashboard counts, for the programme office that follows
     * them up.
     */
    @Transactional(readOnly = true)
    public TaskPage overdue(CurrentUser user, Integer fiscalYear, String partnerCountry, int page, int size) {
        if (!user.has(Role.PROGRAM_MANAGER) && !user.has(Role.ADMIN)) {
            throw Problem.forbidden("The overdue tasks of the programme are for programme managers.",
                    "overdueForProgrammeOffice");
        }
        EngineTables.InboxPage found = engineTables.overdueTaskPage(clock.instant(), fiscalYear, partnerCountry,
                Pagination.offset(page, size), size);
        return new TaskPage(views(found.tasks()), page, size, found.counted());
    }

    /** The task with what it decides on: the submission its assignee reads beside the form. */
    @Transactional(readOnly = true)
    TaskDetails details(String taskId, CurrentUser user) {
        Task task = lookup.visibleTask(taskId, user);
        TaskView view = views(List.of(task)).stream().findFirst().orElseThrow(TaskLookup::completedMeanwhile);
        return new TaskDetails(view, submissions.of(task, view.caseId(), user).orElse(null));
    }

    /** The tasks as the inbox shows them: a few queries for the whole page, not a few per task. */
    private List<TaskView> views(List<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = runtime.createProcessInstanceQuery()
                .processInstanceIds(instanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        Map<String, List<String>> candidateGroups =
                engineTables.candidateGroups(found.stream().map(Task::getId).toList());
        Map<UUID, ProjectCase> caseById = cases.findAll(businessKeys.values().stream().filter(Objects::nonNull)
                .map(UUID::fromString).collect(Collectors.toSet()));
        Instant now = clock.instant();
        List<TaskView> views = new ArrayList<>();
        for (Task task : found) {
            String businessKey = businessKeys.get(task.getProcessInstanceId());
            List<String> groups = candidateGroups.get(task.getId());
            if (businessKey == null || groups == null) {
                continue; // completed since the query: no longer anybody's to do
            }
            UUID caseId = UUID.fromString(businessKey);
            Optional<ProjectCase> projectCase = Optional.ofNullable(caseById.get(caseId));
            Instant due = OpenCaseTasks.instant(task.getDueDate());
            Optional<JcmTrackStage> jcmTrack = JcmTrackStage.ofStep(task.getTaskDefinitionKey());
            views.add(new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), caseId,
                    projectCase.map(ProjectCase::title).orElse(null),
                    jcmTrack.isPresent() ? Stage.MRV.name() : projectCase.map(c -> c.stage().name()).orElse(null),
                    projectCase.map(ProjectCase::partnerCountry).orElse(null),
                    groups, task.getAssignee(), OpenCaseTasks.instant(task.getCreateTime()), due,
                    due != null && due.isBefore(now), jcmTrack.map(Enum::name).orElse(null)));
        }
        return views;
    }
}
