package org.jcmflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.BeforeEach;
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

    CaseDriver driver;

    @BeforeEach
    void driver() {
        driver = new CaseDriver(port);
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
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("message").asText()).contains("1 MB");
        assertThat(documentsOf(caseId)).isZero();
    }

    @Test
    void aFileOverTheContainersUploadLimitGetsTheSameAnswer() {
        String caseId = driver.openCase(PROPONENT, "Case with a film of the site");
        byte[] film = Arrays.copyOf(PDF, 3 * 1024 * 1024);
        ApiClient.Response refused = driver.as(PROPONENT).upload("/api/cases/" + caseId + "/documents",
                "site.pdf", "application/pdf", film);
        assertThat(refused.status()).isEqualTo(400);
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

    private long documentsOf(String caseId) {
        return jdbc.sql("select count(*) from case_document where case_id = cast(? as uuid)").param(caseId)
                .query(Long.class).single();
    }
}
