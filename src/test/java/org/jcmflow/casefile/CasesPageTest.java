package org.jcmflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jcmflow.identity.UserDirectory;
import org.jcmflow.testsupport.PageTest;
import org.jcmflow.problem.Problem;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@PageTest(CasesPage.class)
@WithMockUser(username = "sato", roles = "program-manager")
class CasesPageTest {

    private static final Instant OPENED = Instant.parse("2016-05-10T01:00:00Z");
    private static final Instant SCREENED = Instant.parse("2016-05-20T06:30:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CaseFileService cases;
    @MockitoBean
    PartnerCountries partnerCountries;
    @MockitoBean
    CaseDocuments documents;
    @MockitoBean
    StepForms stepForms;
    @MockitoBean
    UserDirectory directory;

    @BeforeEach
    void countries() {
        when(partnerCountries.names(any())).thenAnswer(call -> "ja".equals(call.<Locale>getArgument(0).getLanguage())
                ? Map.of("VN", "ベトナム") : Map.of("VN", "Viet Nam"));
    }

    private static ProjectCase projectCase(UUID id, Stage stage) {
        return new ProjectCase(id, "Hospital air-conditioning", "VN", "Inverter air-conditioning",
                new BigDecimal("1250.5"), new BigDecimal("480"), 2016, "nihon-ecotech", "tanaka", OPENED, stage,
                SCREENED, null, JcmTrackStage.NOT_STARTED, null);
    }

    @Test
    void theListShowsTheCasesAndPassesTheFiltersOn() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.search(any(), eq(Stage.FEASIBILITY_STUDY), eq(null), eq("VN"), eq(2016), eq(null), eq(CaseSort.DEFAULT), any(),
                eq(0), eq(CasesPage.PAGE_SIZE)))
                .thenReturn(new CaseRepository.Page(List.of(projectCase(id, Stage.FEASIBILITY_STUDY)), 1));

        String page = mvc.perform(get("/cases?stage=FEASIBILITY_STUDY&partnerCountry=VN&fiscalYear=2016"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("href=\"/cases/" + id + "\"", "Hospital air-conditioning", "Viet Nam", "FY2016",
                "1,250.5 t-CO2/year", "<option value=\"2016\" selected=\"selected\">FY2016</option>",
                "Page 1 of 1 (1 in all)");
    }

    @Test
    void columnHeadersSortTheListKeepingTheFiltersAndStartingAtTheFirstPage() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.search(any(), eq(Stage.MOU), eq(null), eq(null), eq(null), eq(null), eq(new CaseSort(CaseSort.Key.FISCAL_YEAR, true)),
                any(), eq(1), eq(CasesPage.PAGE_SIZE)))
                .thenReturn(new CaseRepository.Page(List.of(projectCase(id, Stage.MOU)), 45));

        String page = mvc.perform(get("/cases?stage=MOU&sort=fiscalYear,desc&page=1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // the sorted column says so, and its header reverses the order; the others sort ascending by themselves
        assertThat(page).contains("<th aria-sort=\"descending\">\n  <a class=\"sort\" href=\"/cases?stage=MOU&amp;sort=fiscalYear\">Fiscal year</a>",
                "<th aria-sort=\"none\">\n  <a class=\"sort\" href=\"/cases?stage=MOU&amp;sort=title\">Title</a>",
                "href=\"/cases?stage=MOU&amp;sort=created\">Submitted</a>");
        // the filters and the pager keep the order
        assertThat(page).contains("<input type=\"hidden\" name=\"sort\" value=\"fiscalYear,desc\">",
                "href=\"/cases?stage=MOU&amp;sort=fiscalYear,desc&amp;page=2\" rel=\"next\"",
                "href=\"/cases?stage=MOU&amp;sort=fiscalYear,desc&amp;page=0\" rel=\"prev\"");
    }

    @Test
    void theListIsNewestFirstUntilSortedAndItsHeaderThenSortsOldestFirst() throws Exception {
        when(cases.search(any(), any(), any(), any(), any(), any(), eq(CaseSort.DEFAULT), any(), eq(0), eq(CasesPage.PAGE_SIZE)))
                .thenReturn(new CaseRepository.Page(List.of(projectCase(UUID.randomUUID(), Stage.MOU)), 1));
        String page = mvc.perform(get("/cases")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<th aria-sort=\"descending\">\n  <a class=\"sort\" href=\"/cases?sort=created\">Submitted</a>",
                "2016-05-10", "Nihon EcoTech Co., Ltd.");
    }

    @Test
    void anUnknownSortOrderIsRefusedWithTheOrdersThereAre() throws Exception {
        String page = mvc.perform(get("/cases?sort=budget;drop table project_case"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Cases can be sorted by title, stage, partnerCountry, fiscalYear, organization, "
                + "reduction, created only");
        verifyNoInteractions(cases);
    }

    @Test
    void theCasePageListsTheDocumentsWithDownloadLinksAndOffersAnUpload() throws Exception {
        UUID id = UUID.randomUUID();
        UUID documentId = UUID.randomUUID();
        CaseDetails details = details(id);
        when(cases.details(eq(id), any())).thenReturn(new CaseDetails(details.projectCase(), details.openTasks(),
                details.stages(), List.of(new DocumentInfo(documentId, "feasibility <report>.pdf", "application/pdf",
                        1_258_291, "ab12", "tanaka", SCREENED, null)), details.history()));
        when(documents.mayUpload(any(), any())).thenReturn(true);

        String page = mvc.perform(get("/cases/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("href=\"/cases/" + id + "/documents/" + documentId + "\"",
                ">feasibility &lt;report&gt;.pdf</a>", ">PDF</td>", ">1.2 MB</td>", ">tanaka</td>",
                ">2016-05-20 15:30</td>");
        assertThat(page).contains("enctype=\"multipart/form-data\"", "action=\"/cases/" + id + "/documents?_csrf=",
                "name=\"file\"", "accept=\".doc,.docx,", "data-max-bytes=\"20971520\"",
                "The file is larger than the limit of 20 MB", "at most 20 MB.", "Upload");
    }

    @Test
    void aRefusedFileIsExplainedNextToTheUploadForm() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.details(eq(id), any())).thenReturn(details(id));
        when(documents.mayUpload(any(), any())).thenReturn(true);
        String page = mvc.perform(get("/cases/" + id).flashAttr("documentError", "Files of this type are not accepted."))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("No documents yet.", "class=\"upload has-error\"",
                "<p class=\"field-error\" id=\"document-file-error\" role=\"alert\">Files of this type are not accepted.</p>");
    }

    @Test
    void whoMayNotUploadReadsTheDocumentsWithoutAnUploadForm() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.details(eq(id), any())).thenReturn(details(id));
        when(documents.mayUpload(any(), any())).thenReturn(false);
        String page = mvc.perform(get("/cases/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("No documents yet.").doesNotContain("document-upload", "name=\"file\"");
    }

    @Test
    void theOrganisationIsShownByItsNameInTheReadersLanguage() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.details(eq(id), any())).thenReturn(details(id));
        assertThat(mvc.perform(get("/cases/" + id)).andReturn().getResponse().getContentAsString())
                .contains("<dd>Nihon EcoTech Co., Ltd.</dd>").doesNotContain("<dd>nihon-ecotech</dd>");
        assertThat(mvc.perform(get("/cases/" + id).param("lang", "ja")).andReturn().getResponse()
                .getContentAsString()).contains("<dd>日本エコテック株式会社</dd>");
    }

    @Test
    void theCasePageShowsFieldsStagesOpenTasksAndTheHistory() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.details(eq(id), any())).thenReturn(details(id));

        String page = mvc.perform(get("/cases/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Hospital air-conditioning", "Viet Nam", "480 million JPY",
                "Carry out study and submit report", "Proponent",
                "Feasibility study", "2016-05-10 – 2016-05-20 (10 days)", "Pre-demonstration survey",
                "Proposal submitted", "Submitted", "Screen proposal", "2016-05-20 15:30", "Accepted",
                "Screening comments", "Fits the call.");
    }

    @Test
    void theCasePageInJapanese() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.details(eq(id), any())).thenReturn(details(id));

        String page = mvc.perform(get("/cases/" + id).param("lang", "ja")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("lang=\"ja\"", "ベトナム", "480 百万円", "2016年度", "実現可能性調査", "実証前調査",
                "履歴", "提案の提出", "提案の審査", "採択", "審査の理由");
    }

    @Test
    void theHistoryShowsAStepsValuesUnderItsFormsLabelsInTheFormsOrderWithPeopleByNameAndFiguresFormatted()
            throws Exception {
        UUID id = UUID.randomUUID();
        CaseDetails details = details(id);
        when(cases.details(eq(id), any())).thenReturn(new CaseDetails(details.projectCase(), details.openTasks(),
                details.stages(), details.documents(), List.of(new CaseTimeline.Step(SCREENED, "sato",
                        "Convene the committee", "Task_ConveneCommittee", Stage.STAGE_GATE, null,
                        // as PostgreSQL's jsonb keeps them: by the keys' lengths, not in the form's order
                        "{\"recommend\": \"NOT_APPROPRIATE\", \"estimatedCost\": 2277.0, "
                                + "\"committeeMembers\": [\"kobayashi\", \"sato\"]}"))));
        when(stepForms.fields("Task_ConveneCommittee")).thenReturn(List.of(
                new StepForms.Field("committeeMembers", "Members of the committee", Map.of(), true),
                new StepForms.Field("estimatedCost", "Estimated cost (million JPY)", Map.of(), false),
                new StepForms.Field("recommend", "Recommendation", Map.of("NOT_APPROPRIATE", "Not to proceed"),
                        false)));
        // a name this class's other pages do not show, which the page's name cache would keep
        when(directory.user("kobayashi")).thenReturn(Optional.of(new UserDirectory.DirectoryUser("kobayashi",
                "Yuki Kobayashi", null)));

        String history = Jsoup.parse(mvc.perform(get("/cases/" + id)).andReturn().getResponse()
                .getContentAsString()).select("#history dl").text();

        assertThat(history).isEqualTo("Members of the committee Yuki Kobayashi, sato "
                + "Estimated cost (million JPY) 2,277 Recommendation Not to proceed");
    }

    @Test
    void aChoiceThatIsNoDecisionsCodeIsShownAsTheOutcomeByItsFormsLabel() throws Exception {
        UUID id = UUID.randomUUID();
        CaseDetails details = details(id);
        when(cases.details(eq(id), any())).thenReturn(new CaseDetails(details.projectCase(), details.openTasks(),
                details.stages(), details.documents(), List.of(new CaseTimeline.Step(SCREENED, "tanaka",
                        "Submit project design document", "Task_SubmitProjectDesign", Stage.MRV, "3",
                        "{\"sectoralScope\": \"3\"}"))));
        when(stepForms.fields("Task_SubmitProjectDesign")).thenReturn(List.of(
                new StepForms.Field("projectDesignDocument", "Project design document", Map.of(), true),
                new StepForms.Field("sectoralScope", "Sectoral scope", Map.of("3", "3. Energy demand"), false)));

        String outcome = Jsoup.parse(mvc.perform(get("/cases/" + id)).andReturn().getResponse()
                .getContentAsString()).select("#history tbody tr td:last-child").text();

        assertThat(outcome).isEqualTo("3. Energy demand");
    }

    @Test
    void aCaseTheUserMayNotSeeIsNotFound() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.details(eq(id), any())).thenThrow(Problem.notFound("No case " + id, "noCase"));
        String page = mvc.perform(get("/cases/" + id)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Not found", "There is no such case, or it is not open to you.");
    }

    private static CaseDetails details(UUID id) {
        return new CaseDetails(projectCase(id, Stage.PRE_DEMONSTRATION_SURVEY),
                List.of(new CaseTasks.OpenTask("t2", "Task_SubmitFeasibilityReport",
                        "Carry out study and submit report", List.of("proponent"), null, SCREENED, null, false)),
                List.of(new CaseTimeline.StagePeriod(Stage.FEASIBILITY_STUDY, OPENED, SCREENED),
                        new CaseTimeline.StagePeriod(Stage.PRE_DEMONSTRATION_SURVEY, SCREENED, null)),
                List.of(),
                List.of(new CaseTimeline.Step(OPENED, "tanaka", "Proposal submitted", "Start_CaseCreated",
                                Stage.FEASIBILITY_STUDY, "SUBMITTED", "{}"),
                        new CaseTimeline.Step(SCREENED, "sato", "Screen proposal", "Task_ScreenProposal",
                                Stage.FEASIBILITY_STUDY, "ACCEPT",
                                "{\"screeningDecision\": \"ACCEPT\", \"screeningComments\": \"Fits the call.\"}")));
    }
}
