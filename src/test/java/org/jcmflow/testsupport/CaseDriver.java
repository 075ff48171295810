package org.jcmflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/** Drives cases through the public API the way the programme's users do. */
public final class CaseDriver {

    private final Function<String, ApiClient> clients;
    private final Consumer<String> publicInputsRunOut;

    /** Users of the default identity mode, with their passwords. */
    public CaseDriver(int port) {
        this(username -> ApiClient.as(port, username));
    }

    /** Users as the given function makes clients for them, e.g. with a Keycloak token each. */
    public CaseDriver(Function<String, ApiClient> clients) {
        this(clients, caseId -> {
            throw new UnsupportedOperationException("This driver cannot let a period of public inputs run out");
        });
    }

    /**
     * @param publicInputsRunOut lets the case's open period of public inputs run out: its timer fires, as the
     *                           engine's clock would fire it at the period's end
     */
    public CaseDriver(Function<String, ApiClient> clients, Consumer<String> publicInputsRunOut) {
        this.clients = clients;
        this.publicInputsRunOut = publicInputsRunOut;
    }

    /** A driver of the same users whose periods of public inputs run out as the given consumer makes them. */
    public CaseDriver withPublicInputsRunningOut(Consumer<String> publicInputsRunOut) {
        return new CaseDriver(clients, publicInputsRunOut);
    }

    /** The case's open period of public inputs ends, and its timer closes it. */
    public void letPublicInputsRunOut(String caseId) {
        publicInputsRunOut.accept(caseId);
    }

    /**
     * A proposed methodology through the Joint Committee's procedure: proposed, complete, its public inputs run
     * out, and the JC's decision (approved, unless the decisions say otherwise).
     */
    public void proposeMethodology(String caseId, String proponent, Object... decisions) {
        complete(caseId, "Task_DraftMethodology", proponent);
        complete(caseId, "Task_CheckMethodologyCompleteness", DemoUser.JOINT_COMMITTEE);
        letPublicInputsRunOut(caseId);
        complete(caseId, "Task_DecideMethodology", DemoUser.JOINT_COMMITTEE, decisions);
    }

    /**
     * The PDD and its MoC statement submitted, its public inputs run out, validated by the TPE, and the project
     * registered for the given number of monitoring periods.
     */
    public void registerProject(String caseId, String proponent, int monitoringPeriods) {
        complete(caseId, "Task_SubmitProjectDesign", proponent);
        letPublicInputsRunOut(caseId);
        complete(caseId, "Task_ValidateProjectDesign", DemoUser.VERIFIER);
        complete(caseId, "Task_RequestRegistration", proponent);
        complete(caseId, "Task_RegisterProject", DemoUser.JOINT_COMMITTEE, "monitoringPeriods", monitoringPeriods);
    }

    /** A verified monitoring period's credits: requested, decided by the JC, both governments notified. */
    public void issueCredits(String caseId, String proponent) {
        issueCredits(caseId, proponent, (Double) ValidSubmissions.of("Task_IssueCredits").get("creditsIssuedTco2"));
    }

    /** The same, for the given credits. */
    public void issueCredits(String caseId, String proponent, double credits) {
        complete(caseId, "Task_RequestIssuance", proponent, "creditsRequestedTco2", credits);
        complete(caseId, "Task_IssueCredits", DemoUser.JOINT_COMMITTEE, "creditsIssuedTco2", credits);
        complete(caseId, "Task_NotifyGovernments", DemoUser.JOINT_COMMITTEE);
    }

    /**
     * The id of a TPE designated today for the case's partner country in every sectoral scope; a programme manager
     * designates one if the register has none.
     */
    public String designatedTpe(String caseId) {
        String country = caseFile(caseId).path("partnerCountry").asText();
        for (JsonNode tpe : as(DemoUser.PROGRAM_MANAGER).get("/api/third-party-entities").json()) {
            if (tpe.path("designatedNow").asBoolean() && tpe.path("sectoralScopes").size() == 15
                    && contains(tpe.path("partnerCountries"), country)) {
                return tpe.path("id").asText();
            }
        }
        ApiClient.Response designated = as(DemoUser.PROGRAM_MANAGER).post("/api/third-party-entities", Map.of(
                "name", "Japan Quality Assurance Organization (" + country + ")", "partnerCountries", List.of(country),
                "sectoralScopes", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                "designatedOn", "2014-01-01"));
        assertThat(designated.status()).as(designated.text()).isEqualTo(201);
        return designated.json().path("id").asText();
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
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
        ValidSubmissions.documentField(taskKey).filter(field -> !decided(decisions, field)).ifPresent(field ->
                values.put(field, uploadReport(caseId, username, taskKey + ".pdf")));
        ValidSubmissions.tpeField(taskKey).filter(field -> !decided(decisions, field)).ifPresent(field ->
                values.put(field, designatedTpe(caseId)));
        if (taskKey.equals("Task_RegisterProject") && !decided(decisions, "registrationNumber")) {
            // registration numbers are unique
            values.put("registrationNumber", "JCM-" + caseId.substring(0, 8));
        }
        ApiClient.Response response = as(username).post("/api/tasks/" + openTask(caseId, taskKey, username) + "/complete",
                Map.of("variables", values));
        assertThat(response.status()).as("completing %s as %s: %s", taskKey, username, response.text()).isEqualTo(204);
    }

    private static boolean decided(Object[] decisions, String field) {
        for (int i = 0; i < decisions.length; i += 2) {
            if (decisions[i].equals(field)) {
                return true;
            }
        }
        return false;
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
