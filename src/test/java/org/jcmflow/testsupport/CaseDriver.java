package org.jcmflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/** Drives cases through the public API the way the programme's users do. */
public final class CaseDriver {

    private final Function<String, ApiClient> clients;

    /** Users of the default identity mode, with their passwords. */
    public CaseDriver(int port) {
        this(username -> ApiClient.as(port, username));
    }

    /** Users as the given function makes clients for them, e.g. with a Keycloak token each. */
    public CaseDriver(Function<String, ApiClient> clients) {
        this.clients = clients;
    }

    public ApiClient as(String username) {
        return clients.apply(username);
    }

    public static Map<String, Object> newCase(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("partnerCountry", "VN");
        body.put("technology", "Energy-saving air-conditioning for hospitals");
        body.put("estimatedReductionTco2PerYear", 1250.5);
        body.put("budgetMillionJpy", 480);
        body.put("fiscalYear", 2016);
        return body;
    }

    /** Opens a case as the given proponent and returns its id. */
    public String openCase(String proponent, String title) {
        return openCase(proponent, newCase(title));
    }

    /** Opens a case for a partner country and fiscal year of its own, as tests that count figures by them do. */
    public String openCase(String proponent, String title, String partnerCountry, int fiscalYear) {
        Map<String, Object> body = newCase(title);
        body.put("partnerCountry", partnerCountry);
        body.put("fiscalYear", fiscalYear);
        return openCase(proponent, body);
    }

    /** Such a case, screened and with its feasibility report submitted: waiting for the review's outcome. */
    public String openStudiedCase(String proponent, String title, String partnerCountry, int fiscalYear) {
        String caseId = openCase(proponent, title, partnerCountry, fiscalYear);
        complete(caseId, "Task_ScreenProposal", DemoUser.PROGRAM_MANAGER);
        complete(caseId, "Task_SubmitFeasibilityReport", proponent);
        return caseId;
    }

    public String openCase(String proponent, Map<String, Object> body) {
        ApiClient.Response created = as(proponent).post("/api/cases", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /** Opens a case as the given proponent and takes it to the stage gate's committee evaluation. */
    public String openCaseAtEvaluation(String proponent, String title) {
        String caseId = openCase(proponent, title);
        complete(caseId, "Task_ScreenProposal", DemoUser.PROGRAM_MANAGER);
        complete(caseId, "Task_SubmitFeasibilityReport", proponent);
        complete(caseId, "Task_ReviewFeasibilityReport", DemoUser.PROGRAM_MANAGER);
        complete(caseId, "Task_SubmitSurveyResults", proponent);
        complete(caseId, "Task_ReviewSurveyResults", DemoUser.PROGRAM_MANAGER);
        complete(caseId, "Task_ConveneCommittee", DemoUser.PROGRAM_MANAGER);
        openTask(caseId, "Task_EvaluateCase", DemoUser.COMMITTEE_MEMBER);
        return caseId;
    }

    public JsonNode caseFile(String caseId) {
        ApiClient.Response response = as(DemoUser.PROGRAM_MANAGER).get("/api/cases/" + caseId);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    public String stage(String caseId) {
        return caseFile(caseId).path("stage").asText();
    }

    /** The id of the case's open task with the given BPMN id. */
    public String openTask(String caseId, String taskKey) {
        return openTask(caseId, taskKey, null);
    }

    /**
     * The id of the case's open task with the given BPMN id that the user may take: one given to them by name
     * (a committee member's evaluation) or to nobody yet.
     */
    public String openTask(String caseId, String taskKey, String username) {
        for (JsonNode task : caseFile(caseId).path("openTasks")) {
            String assignee = task.path("assignee").asText(null);
            if (task.path("taskKey").asText().equals(taskKey)
                    && (username == null || assignee == null || assignee.equals(username))) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("Case " + caseId + " has no open task " + taskKey + ": " + caseFile(caseId).path("openTasks"));
    }

    /**
     * Completes the case's open task as the user with valid values, changed by the given decisions; a report the
     * form refers to is uploaded on the case first, unless the decisions name one.
     */
    public void complete(String caseId, String taskKey, String username, Object... decisions) {
        Map<String, Object> values = new HashMap<>(ValidSubmissions.of(taskKey));
        for (int i = 0; i < decisions.length; i += 2) {
            values.put((String) decisions[i], decisions[i + 1]);
        }
        ValidSubmissions.documentField(taskKey).filter(field -> !values.containsKey(field)).ifPresent(field ->
                values.put(field, uploadReport(caseId, username, taskKey + ".pdf")));
        ApiClient.Response response = as(username).post("/api/tasks/" + openTask(caseId, taskKey, username) + "/complete",
                Map.of("variables", values));
        assertThat(response.status()).as("completing %s as %s: %s", taskKey, username, response.text()).isEqualTo(204);
    }

    /** Uploads a report on the case as the user and returns the document's id. */
    public String uploadReport(String caseId, String username, String fileName) {
        ApiClient.Response uploaded = as(username).upload("/api/cases/" + caseId + "/documents", fileName,
                "application/pdf", ValidSubmissions.REPORT_PDF);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        return uploaded.json().path("id").asText();
    }

    /**
     * At the stage gate: a programme manager convenes the three committee members who belong to no proponent's
     * organisation, and each scores the case well, so that the committee recommends it as appropriate.
     */
    public void evaluateAtStageGate(String caseId) {
        complete(caseId, "Task_ConveneCommittee", DemoUser.PROGRAM_MANAGER);
        for (String member : DemoUser.INDEPENDENT_COMMITTEE) {
            complete(caseId, "Task_EvaluateCase", member);
        }
    }
}
