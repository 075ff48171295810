package org.jcmflow.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ValidSubmissions;

/**
 * B2: the main path through the public HTTP API, as the programme's users' clients drive it: HTTP Basic on every
 * request, the case's open tasks read from the case file, and a completion checked against the task's form, which
 * claims the task for the completer when nobody holds it. Start and complete are timed one by one.
 */
final class ApiLifecycles {

    final Percentiles start = new Percentiles();
    final Percentiles complete = new Percentiles();

    private final int port;
    private final JcmProcedureSteps jcm;

    ApiLifecycles(int port, JcmProcedureSteps jcm) {
        this.port = port;
        this.jcm = jcm;
    }

    LifecycleRun.Result run(int threads, int lifecycles, Commits commits) throws Exception {
        AtomicInteger completions = new AtomicInteger();
        ThreadLocal<Map<String, ApiClient>> clients = ThreadLocal.withInitial(HashMap::new);
        return LifecycleRun.run(threads, lifecycles, commits, completions, (number, proponent) -> {
            Map<String, ApiClient> mine = clients.get();
            ApiClient proposer = mine.computeIfAbsent(proponent, user -> ApiClient.as(port, user));
            long started = System.nanoTime();
            ApiClient.Response created = proposer.post("/api/cases", proposal("API lifecycle " + number));
            start.record(started);
            expect(created, 201, "opening a case");
            String caseId = created.json().path("id").asText();
            for (MainPath.Step step : MainPath.STEPS) {
                String actor = step.actorFor(proponent);
                ApiClient client = mine.computeIfAbsent(actor, user -> ApiClient.as(port, user));
                JsonNode task = openTask(client, caseId, step.taskKey(), actor);
                String taskId = task.path("id").asText();
                Map<String, Object> values = jcm.forCase(caseId, step.taskKey(), new java.util.HashMap<>(step.values()));
                ValidSubmissions.documentField(step.taskKey()).ifPresent(field -> {
                    ApiClient.Response uploaded = client.upload("/api/cases/" + caseId + "/documents",
                            step.taskKey() + ".pdf", "application/pdf", ValidSubmissions.REPORT_PDF);
                    expect(uploaded, 201, "uploading the report of " + step.taskKey());
                    values.put(field, uploaded.json().path("id").asText());
                });
                started = System.nanoTime();
                ApiClient.Response completed = client.post("/api/tasks/" + taskId + "/complete",
                        Map.of("variables", values));
                complete.record(started);
                expect(completed, 204, "completing " + step.taskKey());
                completions.incrementAndGet();
                jcm.after(step, caseId);
            }
            return caseId;
        }, () -> {
            start.clear();
            complete.clear();
        });
    }

    private static JsonNode openTask(ApiClient client, String caseId, String taskKey, String actor) {
        ApiClient.Response file = client.get("/api/cases/" + caseId);
        expect(file, 200, "reading case " + caseId);
        for (JsonNode task : file.json().path("openTasks")) {
            String assignee = task.path("assignee").asText(null);
            if (task.path("taskKey").asText().equals(taskKey) && (assignee == null || assignee.equals(actor))) {
                return task;
            }
        }
        throw new IllegalStateException("Case " + caseId + " has no open " + taskKey + " for " + actor + ": "
                + file.json().path("openTasks"));
    }

    static Map<String, Object> proposal(String title) {
        return Map.of("title", title, "partnerCountry", "VN",
                "technology", "Energy-saving air-conditioning for hospitals", "estimatedReductionTco2PerYear", 1250.5,
                "budgetMillionJpy", 480, "fiscalYear", 2016);
    }

    static void expect(ApiClient.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": " + response.status() + " " + response.text());
        }
    }
}
