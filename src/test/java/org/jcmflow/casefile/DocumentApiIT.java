package org.jcmflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER_OF_SAKURA;
import static org.jcmflow.testsupport.DemoUser.JOINT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;
import static org.jcmflow.testsupport.DemoUser.VERIFIER;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class DocumentApiIT {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final CaseDriver driver;

    DocumentApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void aReportUploadedOnACaseCanBeDownloadedByThoseWhoSeeTheCase() {
        String caseId = driver.openCase(PROPONENT, "Case with a report");
        ApiClient.Response uploaded = driver.as(PROPONENT).upload("/api/cases/" + caseId + "/documents",
                "feasibility-report.pdf", "application/pdf", PDF);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        String documentId = uploaded.json().path("id").asText();
        assertThat(uploaded.json().path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(uploaded.json().path("uploadedBy").asText()).isEqualTo(PROPONENT);

        HttpResponse<byte[]> download = driver.as(PROGRAM_MANAGER).download("/api/cases/" + caseId + "/documents/" + documentId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("feasibility-report.pdf");

        JsonNode file = driver.caseFile(caseId);
        assertThat(file.path("documents").findValuesAsText("fileName")).containsExactly("feasibility-report.pdf");
        assertThat(file.path("history").findValuesAsText("stepKey")).contains("Document_Uploaded");

        assertThat(driver.as(OTHER_PROPONENT).download("/api/cases/" + caseId + "/documents/" + documentId).statusCode())
                .isEqualTo(404);
        assertThat(driver.as(OTHER_PROPONENT).upload("/api/cases/" + caseId + "/documents", "x.pdf", "application/pdf", PDF)
                .status()).isEqualTo(404);
    }

    @Test
    void aConfidentialVersionIsReadOnlyByTheCasesOrganisationTheProgrammeOfficeTheThirdPartyEntityAndTheJc() {
        String caseId = driver.openCase(PROPONENT, "Case with a confidential PDD");
        byte[] masked = pdf("PDD, costs masked");
        byte[] complete = pdf("PDD with the equipment's costs");
        ApiClient.Response uploaded = driver.as(PROPONENT).upload("/api/cases/" + caseId + "/documents", List.of(
                new ApiClient.FilePart("file", "pdd-public.pdf", "application/pdf", masked),
                new ApiClient.FilePart("confidentialVersion", "pdd-confidential.pdf", "application/pdf", complete)));
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        String publicId = uploaded.json().path("id").asText();
        assertThat(uploaded.json().path("confidential").asBoolean()).isFalse();

        JsonNode documents = driver.caseFile(caseId).path("documents");
        assertThat(documents.findValuesAsText("fileName")).containsExactly("pdd-public.pdf", "pdd-confidential.pdf");
        JsonNode confidentialVersion = documents.get(1);
        assertThat(confidentialVersion.path("confidential").asBoolean()).isTrue();
        assertThat(confidentialVersion.path("publicVersion").asText()).isEqualTo(publicId);
        String confidentialPath = "/api/cases/" + caseId + "/documents/" + confidentialVersion.path("id").asText();

        for (String reader : List.of(PROPONENT, PROGRAM_MANAGER, VERIFIER, JOINT_COMMITTEE)) {
            assertThat(driver.as(reader).get("/api/cases/" + caseId).json().path("documents").findValuesAsText("fileName"))
                    .as("documents listed to %s", reader).containsExactly("pdd-public.pdf", "pdd-confidential.pdf");
            HttpResponse<byte[]> download = driver.as(reader).download(confidentialPath);
            assertThat(download.statusCode()).as("confidential version downloaded by %s", reader).isEqualTo(200);
            assertThat(download.body()).isEqualTo(complete);
        }
        // the stage-gate committee of another organisation sees the case, and reads its public versions only
        ApiClient committee = driver.as(COMMITTEE_MEMBER);
        assertThat(committee.get("/api/cases/" + caseId).json().path("documents").findValuesAsText("fileName"))
                .containsExactly("pdd-public.pdf");
        assertThat(committee.download(confidentialPath).statusCode()).isEqualTo(404);
        assertThat(committee.download("/api/cases/" + caseId + "/documents/" + publicId).body()).isEqualTo(masked);

        // the history, read by everyone who sees the case, never names the confidential file
        JsonNode history = committee.get("/api/cases/" + caseId).json().path("history");
        assertThat(history.findValuesAsText("stepKey"))
                .contains("Document_Uploaded", "Document_ConfidentialVersionUploaded");
        assertThat(history.toString()).doesNotContain("pdd-confidential.pdf");
    }

    @Test
    void aRefusedConfidentialVersionIsNamedAndNeitherVersionIsStored() {
        String caseId = driver.openCase(PROPONENT, "Case with a refused confidential version");
        ApiClient.Response refused = driver.as(PROPONENT).upload("/api/cases/" + caseId + "/documents", List.of(
                new ApiClient.FilePart("file", "pdd-public.pdf", "application/pdf", pdf("masked")),
                new ApiClient.FilePart("confidentialVersion", "pdd.pdf", "application/pdf",
                        "#!/bin/sh\necho\n".getBytes(StandardCharsets.US_ASCII))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("confidentialVersion");
        assertThat(driver.caseFile(caseId).path("documents")).isEmpty();
        assertThat(jdbc.sql("select count(*) from case_document_chunk c join case_document d on d.id = c.document_id"
                + " where d.case_id = ?::uuid").param(caseId).query(Long.class).single()).isZero();
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFileOfAForbiddenTypeIsRefusedWhateverItsNameAndNothingIsStored() {
        String caseId = driver.openCase(PROPONENT, "Case with a script");
        ApiClient.Response refused = driver.as(PROPONENT).upload("/api/cases/" + caseId + "/documents",
                "report.pdf", "application/pdf", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(documentsOf(caseId)).isZero();
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingIsStored() {
        String caseId = driver.openCase(PROPONENT, "Case with a huge report");
        byte[] large = Arrays.copyOf(PDF, 1024 * 1024 + 1);
        ApiClient.Response refused = driver.as(PROPONENT).upload("/api/cases/" + caseId + "/documents",
                "huge.pdf", "application/pdf", large);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(refused.json().path("errors").get(0).path("message").asText()).contains("1 MB");
        assertThat(documentsOf(caseId)).isZero();
    }

    @Test
    void aFileOverTheContainersUploadLimitGetsTheSameAnswer() {
        String caseId = driver.openCase(PROPONENT, "Case with a film of the site");
        byte[] film = Arrays.copyOf(PDF, 3 * 1024 * 1024);
        ApiClient.Response refused = driver.as(PROPONENT).upload("/api/cases/" + caseId + "/documents",
                "site.pdf", "application/pdf", film);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(refused.json().path("errors").get(0).path("message").asText()).contains("1 MB");
        assertThat(documentsOf(caseId)).isZero();
    }

    @Test
    void theUploadersFileNameIsOnlyShownNeverUsedAsAPath() {
        String caseId = driver.openCase(PROPONENT, "Case with a sneaky name");
        ApiClient.Response uploaded = driver.as(PROPONENT).upload("/api/cases/" + caseId + "/documents",
                "../../etc/passwd.pdf", "application/pdf", PDF);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().path("fileName").asText()).isEqualTo("passwd.pdf");
    }

    @Test
    void onlyTheProponentsAndTheProgrammeManagersUploadToACase() {
        String caseId = driver.openCase(OTHER_PROPONENT, "Sakura case with reports");
        String documents = "/api/cases/" + caseId + "/documents";
        assertThat(driver.as(OTHER_PROPONENT).upload(documents, "plan.pdf", "application/pdf", PDF).status())
                .isEqualTo(201);
        assertThat(driver.as(PROGRAM_MANAGER).upload(documents, "memo.pdf", "application/pdf", PDF).status())
                .isEqualTo(201);
        // a proponent of another organisation does not see the case at all
        assertThat(driver.as(PROPONENT).upload(documents, "x.pdf", "application/pdf", PDF).status()).isEqualTo(404);
        // the others see it, and hold no task on it that asks for a document
        for (String reader : List.of(COMMITTEE_MEMBER_OF_SAKURA, COMMITTEE_MEMBER, VERIFIER, JOINT_COMMITTEE, ADMIN)) {
            ApiClient.Response refused = driver.as(reader).upload(documents, "x.pdf", "application/pdf", PDF);
            assertThat(refused.status()).as(reader).isEqualTo(403);
            assertThat(refused.contentType()).as(reader).startsWith("application/problem+json");
            assertThat(driver.as(reader).get("/api/cases/" + caseId).status()).as(reader).isEqualTo(200);
        }
        assertThat(documentsOf(caseId)).isEqualTo(2);

        PageSession colleague = new PageSession(port, COMMITTEE_MEMBER_OF_SAKURA);
        assertThat(colleague.get("/cases/" + caseId).document().select("form#document-upload")).isEmpty();
        assertThat(colleague.upload("/cases/" + caseId + "/documents", "x.pdf", PDF).status()).isEqualTo(403);
        PageSession proponent = new PageSession(port, OTHER_PROPONENT);
        assertThat(proponent.get("/cases/" + caseId).document().select("form#document-upload")).hasSize(1);
        assertThat(documentsOf(caseId)).isEqualTo(2);
    }

    @Test
    void aFileNameThatReversesItsTextIsRefused() {
        String caseId = driver.openCase(PROPONENT, "Case with a disguised file");
        for (String name : List.of("invoice\u202Efdp.exe", "report\u2066.pdf", "\u200Freport.pdf", "report\u061C.pdf")) {
            ApiClient.Response refused = driver.as(PROPONENT).upload("/api/cases/" + caseId + "/documents",
                    name, "application/pdf", PDF);
            assertThat(refused.status()).as(name).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("file");
        }
        assertThat(documentsOf(caseId)).isZero();

        PageSession page = new PageSession(port, PROPONENT);
        PageSession.Page back = page.upload("/cases/" + caseId + "/documents", "invoice\u202Efdp.exe", PDF);
        assertThat(back.status()).isEqualTo(302);
        assertThat(page.follow(back).document().select("#document-file-error").text())
                .contains("right-to-left");
        assertThat(documentsOf(caseId)).isZero();
    }

    private long documentsOf(String caseId) {
        return jdbc.sql("select count(*) from case_document where case_id = cast(? as uuid)").param(caseId)
                .query(Long.class).single();
    }
}
