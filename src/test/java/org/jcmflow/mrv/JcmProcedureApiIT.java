package org.jcmflow.mrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.JOINT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;
import static org.jcmflow.testsupport.DemoUser.VERIFIER;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.ValidSubmissions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * One case through the Joint Committee's procedure over the API, as the project participants, the JC secretariat
 * and the JC, the TPE and the programme office do it: the TPE register, the methodology's completeness check and
 * public inputs, the JC's consideration (extended once) and decision, the PDD with its MoC statement and its public
 * inputs, validation, registration, verification, issuance into the registries' accounts, and the ledgers. Bad
 * steps are refused with the field named, and write nothing.
 */
@ApplicationTest
class JcmProcedureApiIT {

    final CaseDriver driver;

    JcmProcedureApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void oneCaseThroughTheJointCommitteesProcedure() {
        // the TPE register: programme managers keep it as the JC designates, nobody else writes it
        ApiClient manager = driver.as(PROGRAM_MANAGER);
        Map<String, Object> bureauVeritas = Map.of("name", "Bureau Veritas Thailand", "partnerCountries", List.of("TH"),
                "sectoralScopes", List.of(3, 4), "designatedOn", "2014-06-01");
        ApiClient.Response byProponent = driver.as(PROPONENT).post("/api/third-party-entities", bureauVeritas);
        assertThat(byProponent.status()).as(byProponent.text()).isEqualTo(403);
        ApiClient.Response noCountry = manager.post("/api/third-party-entities", Map.of("name", "Nowhere TPE",
                "partnerCountries", List.of("XX"), "sectoralScopes", List.of(16), "designatedOn", "2014-06-01"));
        assertThat(noCountry.status()).as(noCountry.text()).isEqualTo(400);
        assertThat(noCountry.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("partnerCountries", "sectoralScopes");
        String designated = created(manager.post("/api/third-party-entities", bureauVeritas)).path("id").asText();
        assertThat(manager.post("/api/third-party-entities", bureauVeritas).status()).as("the same name again")
                .isEqualTo(409);
        String lapsed = created(manager.post("/api/third-party-entities", Map.of("name", "Lapsed TPE",
                "partnerCountries", List.of("TH"), "sectoralScopes", List.of(3), "designatedOn", "2014-06-01",
                "designationEndsOn", "2016-05-31"))).path("id").asText();
        String elsewhere = created(manager.post("/api/third-party-entities", Map.of("name", "Viet Nam only TPE",
                "partnerCountries", List.of("VN"), "sectoralScopes", List.of(3), "designatedOn", "2014-06-01")))
                .path("id").asText();
        JsonNode register = driver.as(VERIFIER).get("/api/third-party-entities").json();
        assertThat(register.findValuesAsText("name")).contains("Bureau Veritas Thailand", "Lapsed TPE");
        assertThat(tpe(register, lapsed).path("designatedNow").asBoolean()).isFalse();
        assertThat(tpe(register, designated).path("designatedNow").asBoolean()).isTrue();

        String caseId = caseAtMrv("Thai chillers under the JCM");

        // the proposed methodology: the secretariat finds it complete, and it is open to public inputs for 15 days
        driver.complete(caseId, "Task_DraftMethodology", PROPONENT, "methodologyTitle", "High-efficiency chillers");
        ApiClient.Response early = driver.as(JOINT_COMMITTEE)
                .post("/api/cases/" + caseId + "/methodology-consideration/extension");
        assertThat(early.status()).as("no consideration under way: " + early.text()).isEqualTo(409);
        driver.complete(caseId, "Task_CheckMethodologyCompleteness", JOINT_COMMITTEE);
        JsonNode period = openPeriodOf(caseId);
        assertThat(period.path("subject").asText()).isEqualTo("METHODOLOGY");
        assertThat(period.path("title").asText()).isEqualTo("High-efficiency chillers");
        assertThat(Duration.between(Instant.parse(period.path("opensAt").asText()),
                Instant.parse(period.path("closesAt").asText()))).isEqualTo(Duration.ofDays(15));
        String comments = "/api/public-inputs/" + period.path("id").asText() + "/comments";
        ApiClient.Response comment = driver.as(OTHER_PROPONENT).post(comments,
                Map.of("comment", "The default efficiency of the reference chiller looks high."));
        assertThat(comment.status()).as(comment.text()).isEqualTo(201);
        ApiClient.Response blank = driver.as(OTHER_PROPONENT).post(comments, Map.of("comment", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("errors").findValuesAsText("field")).containsExactly("comment");

        // the period ends: its timer closes it, and a comment after it is a conflict that records nothing
        driver.letPublicInputsRunOut(caseId);
        ApiClient.Response late = driver.as(OTHER_PROPONENT).post(comments, Map.of("comment", "Too late?"));
        assertThat(late.status()).as(late.text()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        JsonNode closed = driver.as(JOINT_COMMITTEE).get("/api/public-inputs/" + period.path("id").asText()).json();
        assertThat(closed.path("open").asBoolean()).isFalse();
        assertThat(closed.path("comments").findValuesAsText("comment"))
                .containsExactly("The default efficiency of the reference chiller looks high.");

        // the JC considers it for 60 days, extended once to 90 from the start
        String consideration = driver.openTask(caseId, "Task_DecideMethodology");
        JsonNode task = driver.as(JOINT_COMMITTEE).get("/api/tasks/" + consideration).json();
        Instant created = Instant.parse(task.path("created").asText());
        assertThat(Duration.between(created, Instant.parse(task.path("due").asText())))
                .isBetween(Duration.ofDays(60).minusSeconds(1), Duration.ofDays(60).plusSeconds(1));
        assertThat(driver.as(PROPONENT).post("/api/cases/" + caseId + "/methodology-consideration/extension")
                .status()).isEqualTo(403);
        ApiClient.Response extended = driver.as(JOINT_COMMITTEE)
                .post("/api/cases/" + caseId + "/methodology-consideration/extension");
        assertThat(extended.status()).as(extended.text()).isEqualTo(200);
        assertThat(Duration.between(created, Instant.parse(extended.json().path("dueDate").asText())))
                .isEqualTo(Duration.ofDays(90));
        assertThat(driver.as(JOINT_COMMITTEE).post("/api/cases/" + caseId
                + "/methodology-consideration/extension").status()).as("once only").isEqualTo(409);
        driver.complete(caseId, "Task_DecideMethodology", JOINT_COMMITTEE, "methodologyReference", "TH_AM005",
                "methodologyVersion", "Ver01.0");
        JsonNode methodology = mrvOf(caseId).path("methodology");
        assertThat(methodology.path("status").asText()).isEqualTo("APPROVED");
        assertThat(methodology.path("reference").asText()).isEqualTo("TH_AM005");
        assertThat(methodology.path("version").asText()).isEqualTo("Ver01.0");

        // the PDD: a TPE not designated for Thailand today, or shares that do not make 100, are refused
        String pdd = driver.uploadReport(caseId, PROPONENT, "pdd-thai-chillers.pdf");
        Map<String, Object> design = new HashMap<>(ValidSubmissions.of("Task_SubmitProjectDesign"));
        design.put("projectDesignDocument", pdd);
        design.put("tpeId", lapsed);
        assertRefused(caseId, "Task_SubmitProjectDesign", PROPONENT, design, "tpeId");
        design.put("tpeId", designated);
        design.put("sectoralScope", "7");
        assertRefused(caseId, "Task_SubmitProjectDesign", PROPONENT, design, "tpeId");
        design.put("sectoralScope", "3");
        design.put("partnerParticipantSharePercent", 10);
        assertRefused(caseId, "Task_SubmitProjectDesign", PROPONENT, design, "japaneseGovernmentSharePercent");
        assertThat(mrvOf(caseId).path("projectDesign").isMissingNode()).as("nothing written").isTrue();
        assertThat(openPeriods().findValuesAsText("caseId")).doesNotContain(caseId);
        design.put("partnerParticipantSharePercent", 20);
        complete(caseId, "Task_SubmitProjectDesign", PROPONENT, design);
        JsonNode pddPeriod = openPeriodOf(caseId);
        assertThat(pddPeriod.path("subject").asText()).isEqualTo("PROJECT_DESIGN");
        assertThat(Duration.between(Instant.parse(pddPeriod.path("opensAt").asText()),
                Instant.parse(pddPeriod.path("closesAt").asText()))).isEqualTo(Duration.ofDays(30));
        JsonNode recorded = mrvOf(caseId).path("projectDesign");
        assertThat(recorded.path("tpeName").asText()).isEqualTo("Bureau Veritas Thailand");
        assertThat(recorded.path("creditAllocation").findValuesAsText("accountKind")).containsExactly(
                "JAPANESE_GOVERNMENT", "JAPANESE_PARTICIPANT", "PARTNER_GOVERNMENT", "PARTNER_PARTICIPANT");
        driver.letPublicInputsRunOut(caseId);

        // the TPE reads the PDD it validates with the TPE by its name and the sectoral scope by its name; the
        // case's history shows the scope by its name in the reader's language
        JsonNode submitted = driver.as(VERIFIER).get("/api/tasks/" + driver.openTask(caseId,
                "Task_ValidateProjectDesign")).json().path("submission").path("parts").get(0);
        assertThat(submitted.path("stepKey").asText()).isEqualTo("Task_SubmitProjectDesign");
        assertThat(valueText(submitted, "tpeId")).isEqualTo("Bureau Veritas Thailand");
        assertThat(valueText(submitted, "sectoralScope")).isEqualTo("3. Energy demand");
        assertThat(historyOutcomes(caseId, "en")).contains("3. Energy demand").doesNotContain("3");
        assertThat(historyOutcomes(caseId, "ja")).contains("3. エネルギー需要").doesNotContain("3");

        // validation by the TPE, the registration request and the JC's registration with its crediting period
        driver.complete(caseId, "Task_ValidateProjectDesign", VERIFIER);
        assertThat(driver.as(PROPONENT).get("/api/tasks/" + driver.openTask(caseId, "Task_RequestRegistration"))
                .json().path("submission").path("title").isMissingNode()).as("a first request: nothing sent back")
                .isTrue();
        driver.complete(caseId, "Task_RequestRegistration", PROPONENT);
        Map<String, Object> registration = new HashMap<>(ValidSubmissions.of("Task_RegisterProject"));
        registration.put("registrationNumber", "TH005");
        registration.put("creditingPeriodStart", "2020-01-01");
        registration.put("creditingPeriodEnd", "2019-12-31");
        assertRefused(caseId, "Task_RegisterProject", JOINT_COMMITTEE, registration, "creditingPeriodEnd");
        registration.put("creditingPeriodEnd", "2030-12-31");
        // the JC rejects the first request: nothing registered, its reasons in the history, and the project
        // participants revise and request again; a rejection without reasons is refused
        assertRefused(caseId, "Task_RegisterProject", JOINT_COMMITTEE, Map.of("registrationDecision", "REJECTED"),
                "registrationDecisionReason");
        complete(caseId, "Task_RegisterProject", JOINT_COMMITTEE, Map.of("registrationDecision", "REJECTED",
                "registrationDecisionReason", "The PDD's monitoring plan omits the chillers' power meters."));
        assertThat(mrvOf(caseId).path("registration").path("registrationNumber").isMissingNode()
                || mrvOf(caseId).path("registration").path("registrationNumber").isNull()).as("nothing registered")
                .isTrue();
        JsonNode rejection = lastStep(caseId, "Task_RegisterProject");
        assertThat(rejection.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(rejection.path("details").asText()).contains("The PDD's monitoring plan omits the chillers' power meters.");
        // the project participants request again beside the JC's decision and its reasons, in their language
        String again = driver.openTask(caseId, "Task_RequestRegistration", PROPONENT);
        JsonNode sentBackPart = sentBackPart(again, "en");
        assertThat(sentBackPart.path("stepKey").asText()).isEqualTo("Task_RegisterProject");
        assertThat(valueText(sentBackPart, "registrationDecision")).isEqualTo("Rejected");
        assertThat(valueText(sentBackPart, "registrationDecisionReason"))
                .isEqualTo("The PDD's monitoring plan omits the chillers' power meters.");
        JsonNode japanese = sentBackPart(again, "ja");
        assertThat(valueText(japanese, "registrationDecision")).isEqualTo("却下");
        assertThat(labelOf(japanese, "registrationDecisionReason")).isEqualTo("決定の理由");
        Element besideTheForm = Jsoup.parse(driver.as(PROPONENT).getPage("/tasks/" + again
                + "?lang=ja").text()).selectFirst("#submission");
        assertThat(besideTheForm).as("the JC's reasons beside the form").isNotNull();
        assertThat(besideTheForm.text()).contains("合同委員会が申請を差し戻した理由", "却下",
                "The PDD's monitoring plan omits the chillers' power meters.");
        driver.complete(caseId, "Task_RequestRegistration", PROPONENT, "registrationRequestSummary",
                "Power meters added to the monitoring plan.");
        complete(caseId, "Task_RegisterProject", JOINT_COMMITTEE, registration);
        JsonNode registered = mrvOf(caseId).path("registration");
        assertThat(registered.path("registrationNumber").asText()).isEqualTo("TH005");
        assertThat(registered.path("requestedBy").asText()).isEqualTo(PROPONENT);
        assertThat(registered.path("creditingPeriodEnd").asText()).isEqualTo("2030-12-31");

        // verification by a TPE designated for Thailand, then issuance within the verified reductions
        driver.complete(caseId, "Task_SubmitMonitoringReport", PROPONENT);
        Map<String, Object> verification = new HashMap<>(ValidSubmissions.of("Task_VerifyMonitoringReport"));
        verification.put("verifiedReductionTco2", 1000.0);
        verification.put("verifierTpeId", elsewhere);
        assertRefused(caseId, "Task_VerifyMonitoringReport", VERIFIER, verification, "verifierTpeId");
        verification.put("verifierTpeId", designated);
        complete(caseId, "Task_VerifyMonitoringReport", VERIFIER, verification);
        assertRefused(caseId, "Task_RequestIssuance", PROPONENT, Map.of("creditsRequestedTco2", 1000.5),
                "creditsRequestedTco2");
        driver.complete(caseId, "Task_RequestIssuance", PROPONENT, "creditsRequestedTco2", 1000.0);
        Map<String, Object> issuance = new HashMap<>(ValidSubmissions.of("Task_IssueCredits"));
        issuance.put("creditsIssuedTco2", 1001.0);
        assertRefused(caseId, "Task_IssueCredits", JOINT_COMMITTEE, issuance, "creditsIssuedTco2");
        assertThat(mrvOf(caseId).path("monitoringPeriods").get(0).path("creditsIssuedTco2").isMissingNode()).isTrue();
        // the JC sends the first request back: nothing issued, its reasons in the history, requested again
        complete(caseId, "Task_IssueCredits", JOINT_COMMITTEE, Map.of("issuanceDecision", "REVISION_REQUESTED",
                "issuanceDecisionReason", "Request the credits of the verified period only."));
        assertThat(mrvOf(caseId).path("monitoringPeriods").get(0).path("creditsIssuedTco2").isMissingNode()).isTrue();
        JsonNode sentBack = lastStep(caseId, "Task_IssueCredits");
        assertThat(sentBack.path("outcome").asText()).isEqualTo("REVISION_REQUESTED");
        assertThat(sentBack.path("details").asText()).contains("Request the credits of the verified period only.");
        JsonNode issuanceSentBack = sentBackPart(driver.openTask(caseId, "Task_RequestIssuance"), "en");
        assertThat(valueText(issuanceSentBack, "issuanceDecision")).isEqualTo("Sent back for revision");
        assertThat(valueText(issuanceSentBack, "issuanceDecisionReason"))
                .isEqualTo("Request the credits of the verified period only.");
        assertThat(Jsoup.parse(driver.as(PROPONENT).getPage("/tasks/" + driver.openTask(caseId,
                "Task_RequestIssuance") + "?lang=en").text()).select("#submission").text())
                .contains("Why the Joint Committee sent the request back", "Sent back for revision",
                        "Request the credits of the verified period only.");
        driver.complete(caseId, "Task_RequestIssuance", PROPONENT, "creditsRequestedTco2", 1000.0);
        issuance.put("creditsIssuedTco2", 1000.0);
        complete(caseId, "Task_IssueCredits", JOINT_COMMITTEE, issuance);
        assertThat(driver.as(PROPONENT).get("/api/cases/" + caseId + "/registry").json().path("entries"))
                .as("nothing in the registries before both governments are notified").isEmpty();
        driver.complete(caseId, "Task_NotifyGovernments", JOINT_COMMITTEE);

        // the credits in the registries' accounts, shared as the MoC statement says (10 / 10 / 60 / 20 percent)
        JsonNode ledger = driver.as(PROPONENT).get("/api/cases/" + caseId + "/registry").json();
        assertThat(ledger.path("totalTco2").decimalValue()).isEqualByComparingTo("1000");
        assertThat(ledger.path("byAccount").path("JAPANESE_GOVERNMENT").decimalValue()).isEqualByComparingTo("100");
        assertThat(ledger.path("byAccount").path("PARTNER_GOVERNMENT").decimalValue()).isEqualByComparingTo("100");
        assertThat(ledger.path("byAccount").path("JAPANESE_PARTICIPANT").decimalValue()).isEqualByComparingTo("600");
        assertThat(ledger.path("byAccount").path("PARTNER_PARTICIPANT").decimalValue()).isEqualByComparingTo("200");
        assertThat(ledger.path("entries").findValuesAsText("registry")).contains("JAPAN", "PARTNER");
        assertThat(driver.as(OTHER_PROPONENT).get("/api/cases/" + caseId + "/registry").status()).isEqualTo(404);

        // each account's holder reads in the reader's language: the governments by name, the partner government by
        // its country's name, in the API and on the case page
        assertThat(holderNames(caseId, "ja")).containsExactly("日本政府", "日本エコテック株式会社", "タイ政府",
                "Saigon Cooling");
        assertThat(holderNames(caseId, "en")).containsExactly("Government of Japan", "Nihon EcoTech Co., Ltd.",
                "Government of Thailand", "Saigon Cooling");
        assertThat(allocatedHolderNames(caseId, "ja")).containsExactly("日本政府", "日本エコテック株式会社", "タイ政府",
                "Saigon Cooling");
        for (String table : List.of("credit-allocation", "registry-ledger")) {
            assertThat(pageHolder(caseId, "ja", table)).isEqualTo("タイ政府");
            assertThat(pageHolder(caseId, "en", table)).isEqualTo("Government of Thailand");
        }
        JsonNode country = driver.as(OTHER_PROPONENT).get("/api/registry/TH").json();
        assertThat(country.path("totalTco2").decimalValue()).isEqualByComparingTo("1000");
        assertThat(country.path("projects").get(0).path("registrationNumber").asText()).isEqualTo("TH005");
        assertThat(driver.as(OTHER_PROPONENT).get("/api/registry/XX").status()).isEqualTo(404);
        assertThat(driver.caseFile(caseId).path("jcmTrackStage").asText()).isEqualTo("ENDED");

        // the case page shows the procedure's records; the JCM page the register and the country's ledger
        String casePage = driver.as(PROPONENT).getPage("/cases/" + caseId).text();
        assertThat(casePage).contains("Ver01.0", "Bureau Veritas Thailand", "TH005", "Credits in the registries",
                "The default efficiency of the reference chiller looks high.", "Saigon Cooling", "class=\"number registry-total\" data-label=\"Total issued\">1,000<");
        ApiClient.Response jcmPage = driver.as(OTHER_PROPONENT).getPage("/jcm?country=TH");
        assertThat(jcmPage.status()).isEqualTo(200);
        assertThat(jcmPage.text()).contains("Bureau Veritas Thailand", "Lapsed TPE", "TH005",
                "class=\"number country-total\">1,000<").doesNotContain("id=\"tpe-form\"");
        // each account's credits, in the order of the columns: the Japanese and partner governments, then the
        // Japanese and partner participants
        assertThat(jcmPage.text().replaceAll("\\s+", " ")).contains("<td class=\"number\">100</td> "
                + "<td class=\"number\">100</td> <td class=\"number\">600</td> <td class=\"number\">200</td>");
        assertThat(driver.as(PROGRAM_MANAGER).getPage("/jcm").text()).contains("id=\"tpe-form\"");
    }

    private String caseAtMrv(String title) {
        Map<String, Object> body = CaseDriver.newCase(title);
        body.put("partnerCountry", "TH");
        String caseId = driver.openCase(PROPONENT, body);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER, "studyOutcome", "MRV_APPLICATION_SURVEY");
        driver.complete(caseId, "Task_SubmitMrvApplicationSurvey", PROPONENT);
        driver.complete(caseId, "Task_ReviewMrvApplicationSurvey", PROGRAM_MANAGER);
        return caseId;
    }

    private void assertRefused(String caseId, String taskKey, String user, Map<String, Object> values, String field) {
        ApiClient.Response refused = driver.as(user).post("/api/tasks/" + driver.openTask(caseId, taskKey)
                + "/complete", Map.of("variables", values));
        assertThat(refused.status()).as(taskKey + ": " + refused.text()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly(field);
        driver.openTask(caseId, taskKey);
    }

    private void complete(String caseId, String taskKey, String user, Map<String, Object> values) {
        ApiClient.Response done = driver.as(user).post("/api/tasks/" + driver.openTask(caseId, taskKey)
                + "/complete", Map.of("variables", values));
        assertThat(done.status()).as(taskKey + ": " + done.text()).isEqualTo(204);
    }

    /** The JC's decision that a request task made again answers, as the project participants read it. */
    private JsonNode sentBackPart(String taskId, String language) {
        JsonNode submission = driver.as(PROPONENT).get("/api/tasks/" + taskId + "?lang=" + language).json()
                .path("submission");
        assertThat(submission.path("title").asText()).isEqualTo(language.equals("ja")
                ? "合同委員会が申請を差し戻した理由" : "Why the Joint Committee sent the request back");
        assertThat(submission.path("parts")).hasSize(1);
        return submission.path("parts").get(0);
    }

    private static String labelOf(JsonNode part, String field) {
        for (JsonNode value : part.path("values")) {
            if (value.path("field").asText().equals(field)) {
                return value.path("label").asText();
            }
        }
        throw new AssertionError("No value " + field + " in " + part);
    }

    private static String valueText(JsonNode part, String field) {
        for (JsonNode value : part.path("values")) {
            if (value.path("field").asText().equals(field)) {
                return value.path("text").asText();
            }
        }
        throw new AssertionError("No value " + field + " in " + part);
    }

    /** The outcomes the case page's history shows, in the language. */
    private List<String> historyOutcomes(String caseId, String language) {
        return Jsoup.parse(driver.as(PROPONENT).getPage("/cases/" + caseId + "?lang=" + language).text())
                .select("#history tbody tr td:last-child").eachText();
    }

    /** The holders of the case's registry accounts in the language, in the ledger's order of accounts. */
    private List<String> holderNames(String caseId, String language) {
        return driver.as(PROPONENT).get("/api/cases/" + caseId + "/registry?lang=" + language).json()
                .path("entries").findValuesAsText("holderName");
    }

    private List<String> allocatedHolderNames(String caseId, String language) {
        return driver.as(PROPONENT).get("/api/cases/" + caseId + "/mrv?lang=" + language).json()
                .path("projectDesign").path("creditAllocation").findValuesAsText("holderName");
    }

    /** The partner government's holder in a table of the case page's JCM section, in the language. */
    private String pageHolder(String caseId, String language, String table) {
        return Jsoup.parse(driver.as(PROPONENT).getPage("/cases/" + caseId + "?lang=" + language).text())
                .select("table." + table + " tr[data-account=PARTNER_GOVERNMENT] td:nth-child(" + (table.equals(
                        "credit-allocation") ? 2 : 4) + ")").text();
    }

    /** The step's latest record in the case's history. */
    private JsonNode lastStep(String caseId, String stepKey) {
        JsonNode last = null;
        for (JsonNode step : driver.caseFile(caseId).path("history")) {
            if (step.path("stepKey").asText().equals(stepKey)) {
                last = step;
            }
        }
        assertThat(last).as("a step " + stepKey + " in the history").isNotNull();
        return last;
    }

    private JsonNode openPeriods() {
        return driver.as(PROPONENT).get("/api/public-inputs?open=true").json();
    }

    private JsonNode openPeriodOf(String caseId) {
        for (JsonNode period : openPeriods()) {
            if (period.path("caseId").asText().equals(caseId)) {
                return period;
            }
        }
        throw new AssertionError("No open period of public inputs of case " + caseId);
    }

    private JsonNode mrvOf(String caseId) {
        ApiClient.Response mrv = driver.as(PROPONENT).get("/api/cases/" + caseId + "/mrv");
        assertThat(mrv.status()).as(mrv.text()).isEqualTo(200);
        return mrv.json();
    }

    private static JsonNode created(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode tpe(JsonNode register, String id) {
        for (JsonNode tpe : register) {
            if (tpe.path("id").asText().equals(id)) {
                return tpe;
            }
        }
        throw new AssertionError("No TPE " + id);
    }
}
