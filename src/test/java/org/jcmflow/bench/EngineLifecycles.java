package org.jcmflow.bench;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jcmflow.casefile.CaseDocuments;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.NewCase;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.RealmUsers;
import org.jcmflow.testsupport.ValidSubmissions;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * B1: the main path driven through Camunda's Java API, as an embedding application would: the case is opened by
 * the case-file service (the case row and the process start in one transaction), then each task is found with a
 * task query, and claimed when nobody holds it and completed with its values in one transaction. No HTTP, no
 * authentication, no form validation, no rules of who may act.
 */
final class EngineLifecycles {

    private final CaseFileService cases;
    private final CaseDocuments documents;
    private final TaskService tasks;
    private final RealmUsers realmUsers;
    private final TransactionTemplate transaction;
    private final Map<String, CurrentUser> users = new ConcurrentHashMap<>();

    private final JcmProcedureSteps jcm;

    EngineLifecycles(CaseFileService cases, CaseDocuments documents, TaskService tasks, RealmUsers realmUsers,
                     TransactionTemplate transaction, JcmProcedureSteps jcm) {
        this.transaction = transaction;
        this.jcm = jcm;
        this.cases = cases;
        this.documents = documents;
        this.tasks = tasks;
        this.realmUsers = realmUsers;
    }

    LifecycleRun.Result run(int threads, int lifecycles, Commits commits) throws Exception {
        AtomicInteger completions = new AtomicInteger();
        return LifecycleRun.run(threads, lifecycles, commits, completions, (number, proponent) -> {
            String caseId = cases.open(proposal("Engine lifecycle " + number), user(proponent)).id().toString();
            for (MainPath.Step step : MainPath.STEPS) {
                String actor = step.actorFor(proponent);
                Task task = openTask(caseId, step.taskKey(), actor);
                Map<String, Object> values = withReport(caseId, step, actor);
                transaction.executeWithoutResult(status -> {
                    if (task.getAssignee() == null) {
                        tasks.claim(task.getId(), actor);
                    }
                    tasks.complete(task.getId(), values);
                });
                completions.incrementAndGet();
                jcm.after(step, caseId);
            }
            return caseId;
        }, () -> { });
    }

    private Task openTask(String caseId, String taskKey, String actor) {
        List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(taskKey)
                .active().list();
        return found.stream().filter(task -> task.getAssignee() == null || task.getAssignee().equals(actor))
                .findFirst().orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no open " + taskKey
                        + " for " + actor));
    }

    /** The step's values; a report its form refers to is uploaded on the case first, as the proponent does. */
    private Map<String, Object> withReport(String caseId, MainPath.Step step, String actor) {
        Map<String, Object> values = jcm.forCase(caseId, step.taskKey(), new HashMap<>(step.values()));
        ValidSubmissions.documentField(step.taskKey()).ifPresent(field -> values.put(field, documents.add(
                UUID.fromString(caseId), step.taskKey() + ".pdf", ValidSubmissions.REPORT_PDF, user(actor)).id()
                .toString()));
        return values;
    }

    private CurrentUser user(String username) {
        return users.computeIfAbsent(username, realmUsers::user);
    }

    static NewCase proposal(String title) {
        return new NewCase(title, "VN", "Energy-saving air-conditioning for hospitals", new BigDecimal("1250.5"),
                new BigDecimal("480"), 2016);
    }
}
