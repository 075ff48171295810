package org.jcmflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jcmflow.testsupport.PageTest;
import org.jcmflow.problem.Problem;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

@PageTest(CaseDocumentsPage.class)
@WithMockUser(username = "tanaka", authorities = {"ROLE_proponent", "ORG_nihon-ecotech"})
class CaseDocumentsPageTest {

    private static final UUID CASE_ID = UUID.randomUUID();
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final MockMultipartFile REPORT = new MockMultipartFile("file", "study-report.pdf",
            "application/pdf", PDF);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CaseDocuments documents;

    private static InvalidInput refused(String code, String english, Object... arguments) {
        return new InvalidInput(List.of(FieldProblem.coded("file", english, code, arguments)));
    }

    @Test
    void anUploadReturnsToTheCaseWithAConfirmation() throws Exception {
        when(documents.upload(eq(CASE_ID), any(), any(), any())).thenReturn(new DocumentInfo(UUID.randomUUID(),
                "study-report.pdf", "application/pdf", PDF.length, "ab", "tanaka", Instant.now(), null));

        mvc.perform(multipart("/cases/" + CASE_ID + "/documents").file(REPORT).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/cases/" + CASE_ID + "#documents"))
                .andExpect(flash().attribute("notice", "“study-report.pdf” has been added to the case’s documents."));
    }

    @Test
    void aRefusedConfidentialVersionIsNamedAsSuch() throws Exception {
        when(documents.upload(eq(CASE_ID), any(), any(), any())).thenThrow(new InvalidInput(List.of(
                FieldProblem.coded("confidentialVersion", "is larger than the limit of 20 MB", "fileTooLarge", "20"))));
        mvc.perform(multipart("/cases/" + CASE_ID + "/documents").file(REPORT).with(csrf()))
                .andExpect(flash().attribute("documentError",
                        "Confidential version: The file is larger than the limit of 20 MB; nothing was uploaded."));
        mvc.perform(multipart("/cases/" + CASE_ID + "/documents").file(REPORT).with(csrf())
                        .header("Accept-Language", "ja"))
                .andExpect(flash().attribute("documentError", startsWith("機密版: ")));
    }

    @Test
    void aFileOfAForbiddenTypeReturnsWithTheReasonInTheReadersLanguage() throws Exception {
        when(documents.upload(eq(CASE_ID), any(), any(), any())).thenThrow(refused("fileType",
                "is of type text/x-sh; accepted are PDF, office documents and images", CaseDocuments.fileKind("text/x-sh")));

        mvc.perform(multipart("/cases/" + CASE_ID + "/documents").file(REPORT).with(csrf()))
                .andExpect(redirectedUrl("/cases/" + CASE_ID + "#documents"))
                .andExpect(flash().attributeCount(1))
                .andExpect(flash().attribute("documentError", "Files of this kind (scripts) are not accepted; "
                        + "nothing was uploaded. Please upload a PDF, an office document or an image."));
        mvc.perform(multipart("/cases/" + CASE_ID + "/documents").file(REPORT).with(csrf())
                        .header("Accept-Language", "ja"))
                .andExpect(flash().attribute("documentError", "この種類のファイル（スクリプト）は受け付けられないため、"
                        + "アップロードしませんでした。PDF、オフィス文書、または画像をアップロードしてください。"));
    }

    @Test
    void aFileOverTheDocumentLimitReturnsWithTheLimit() throws Exception {
        when(documents.upload(eq(CASE_ID), any(), any(), any()))
                .thenThrow(refused("fileTooLarge", "is larger than the limit of 20 MB", "20"));
        mvc.perform(multipart("/cases/" + CASE_ID + "/documents").file(REPORT).with(csrf()))
                .andExpect(redirectedUrl("/cases/" + CASE_ID + "#documents"))
                .andExpect(flash().attribute("documentError",
                        "The file is larger than the limit of 20 MB; nothing was uploaded."));
    }

    @Test
    void aFileOverTheUploadLimitOfTheContainerGetsTheSameMessageNotAnErrorPage() throws Exception {
        // what the multipart parsing throws when the request is over spring.servlet.multipart's limits
        when(documents.upload(eq(CASE_ID), any(), any(), any())).thenThrow(new MaxUploadSizeExceededException(100));
        when(documents.tooLarge()).thenReturn(refused("fileTooLarge", "is larger than the limit of 20 MB", "20"));
        mvc.perform(multipart("/cases/" + CASE_ID + "/documents").file(REPORT).with(csrf()))
                .andExpect(redirectedUrl("/cases/" + CASE_ID + "#documents"))
                .andExpect(flash().attribute("documentError",
                        "The file is larger than the limit of 20 MB; nothing was uploaded."));
    }

    @Test
    void anUploadWithoutTheFormsTokenIsRefused() throws Exception {
        mvc.perform(multipart("/cases/" + CASE_ID + "/documents").file(REPORT)).andExpect(status().isForbidden());
        verifyNoInteractions(documents);
    }

    @Test
    void anUploadToACaseTheUserMayNotSeeIsNotFound() throws Exception {
        when(documents.upload(eq(CASE_ID), any(), any(), any()))
                .thenThrow(Problem.notFound("No case " + CASE_ID, "noCase"));
        String page = mvc.perform(multipart("/cases/" + CASE_ID + "/documents").file(REPORT).with(csrf()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is no such case, or it is not open to you.", "Log out");
    }

    @Test
    void anUploadByWhoMayNotUploadIsForbidden() throws Exception {
        when(documents.upload(eq(CASE_ID), any(), any(), any())).thenThrow(Problem.forbidden(
                "Documents are added to a case by its proponents, the programme managers and whoever holds a task "
                        + "on it that asks for one.", "mayNotUpload"));
        String page = mvc.perform(multipart("/cases/" + CASE_ID + "/documents").file(REPORT).with(csrf()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Documents are added to a case by its proponents", "Log out");
    }

    @Test
    void aDownloadIsAnAttachmentUnderItsName() throws Exception {
        UUID documentId = UUID.randomUUID();
        when(documents.download(eq(CASE_ID), eq(documentId), any())).thenReturn(new CaseDocuments.Document(
                new DocumentInfo(documentId, "報告書.pdf", "application/pdf", PDF.length, "ab", "tanaka",
                        Instant.now(), null), () -> new ByteArrayInputStream(PDF)));
        mvc.perform(get("/cases/" + CASE_ID + "/documents/" + documentId))
                .andExpect(status().isOk())
                .andExpect(content().bytes(PDF))
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", allOf(startsWith("attachment;"),
                        containsString("filename*=UTF-8''%E5%A0%B1%E5%91%8A%E6%9B%B8.pdf"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void anUnknownDocumentIsNotFoundOnAPage() throws Exception {
        UUID documentId = UUID.randomUUID();
        when(documents.download(eq(CASE_ID), eq(documentId), any()))
                .thenThrow(Problem.notFound("No document", "noDocument"));
        String page = mvc.perform(get("/cases/" + CASE_ID + "/documents/" + documentId))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is no such document on this case.");
    }
}
