package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.JcmTrackStage;
import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.casefile.Stage;
import org.jcmflow.testsupport.PageTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@PageTest(TaskFormPage.class)
@WithMockUser(username = "kobayashi", roles = "stage-gate-committee")
class TaskFormPageTest {

    private static final UUID CASE_ID = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TaskInbox inbox;
    @MockitoBean
    TaskForms forms;
    @MockitoBean
    TaskWork work;
    @MockitoBean
    CaseFileService cases;
    @MockitoBean
    PartnerCountries partnerCountries;
    @MockitoBean
    TaskDrafts drafts;

    @BeforeEach
    void aStageGateTask() {
        task("t-evaluate", "Task_EvaluateCase", "Evaluate case", "stage-gate-evaluate", "stage-gate-committee");
        when(cases.visibleCase(eq(CASE_ID), any())).thenReturn(new ProjectCase(CASE_ID, "Hospital air-conditioning",
                "VN", "Inverter air-conditioning", new BigDecimal("1250.5"), new BigDecimal("480"), 2016,
                "nihon-ecotech", "tanaka", Instant.now(), Stage.STAGE_GATE, Instant.now(), null,
                JcmTrackStage.NOT_STARTED, null));
        when(partnerCountries.names(any())).thenReturn(Map.of("VN", "Viet Nam"));
    }

    private void task(String id, String key, String name, String formId, String group) {
        task(id, key, name, formId, group, null);
    }

    private void task(String id, String key, String name, String formId, String group, Submission submission) {
        TaskView view = new TaskView(id, key, name, CASE_ID, "Hospital air-conditioning", "STAGE_GATE", "VN",
                List.of(group), null, Instant.now(), null, false);
        when(inbox.view(eq(id), any())).thenReturn(view);
        when(inbox.details(eq(id), any())).thenReturn(new TaskDetails(view, submission));
        when(forms.schema(eq(id), any())).thenReturn(Forms.read(formId));
    }

    @Test
    void theSubmissionStandsBesideTheFormWithWhatChangedMarked() throws Exception {
        UUID report = UUID.randomUUID();
        task("t-evaluate", "Task_EvaluateCase", "Evaluate case", "stage-gate-evaluate", "stage-gate-committee",
                new Submission(CASE_ID, "What you decide on", List.of(new Submission.Part("Task_SubmitSurveyResults",
                        "Carry out survey and submit plans", "tanaka", Instant.parse("2016-09-01T01:00:00Z"), 2, true,
                        List.of(new Submission.Value("demonstrationSite", "Demonstration site", "Cho Ray Hospital",
                                        false, null),
                                new Submission.Value("estimatedCostMillionJpy", "Estimated cost (million JPY)",
                                        "430", true, "450.5")),
                        List.of(new Submission.Document(report, "survey-results.pdf", "tanaka",
                                Instant.parse("2016-08-30T01:00:00Z"), false))))));
        String page = mvc.perform(get("/tasks/t-evaluate")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"submission\"", "What you decide on", "Carry out survey and submit plans",
                "Revised: round 2", "Demonstration site", "Cho Ray Hospital", "Changed", "<del>450.5</del>",
                "survey-results.pdf", "/cases/" + CASE_ID + "/documents/" + report);
    }

    @Test
    void aRequestMadeAgainStandsBesideTheJointCommitteesReasons() throws Exception {
        task("t-request", "Task_RequestRegistration", "Request registration", "mrv-request-registration",
                "proponent", new Submission(CASE_ID, "合同委員会が申請を差し戻した理由", List.of(new Submission.Part(
                        "Task_RegisterProject", "プロジェクトの登録", "nakamura", Instant.parse("2024-03-01T01:00:00Z"), 1,
                        false, List.of(new Submission.Value("registrationDecision", "合同委員会の決定", "却下", false, null),
                        new Submission.Value("registrationDecisionReason", "決定の理由",
                                "Power meters missing from the monitoring plan.", false, null)),
                        List.of()))));
        String page = mvc.perform(get("/tasks/t-request").header("Accept-Language", "ja")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"submission\"", "合同委員会が申請を差し戻した理由", "プロジェクトの登録", "決定の理由",
                "Power meters missing from the monitoring plan.").doesNotContain("判断の対象");
    }

    @Test
    void saveDraftKeepsTheValuesWithoutCompleting() throws Exception {
        mvc.perform(post("/tasks/t-evaluate").with(csrf()).param("saveDraft", "true")
                        .param("scoreTechnicalEffectiveness", "4").param("evaluationComments", "Half done."))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/tasks/t-evaluate"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> values = ArgumentCaptor.forClass(Map.class);
        verify(drafts).save(eq("t-evaluate"), values.capture(), any());
        assertThat(values.getValue()).containsEntry("scoreTechnicalEffectiveness", 4L)
                .containsEntry("evaluationComments", "Half done.");
        verify(work, never()).complete(any(), anyMap(), any());
    }

    @Test
    void theFormStartsFromTheDraft() throws Exception {
        when(drafts.find(eq("t-evaluate"), any())).thenReturn(Optional.of(new TaskDrafts.Draft(
                Map.of("scoreGhgReduction", 3L, "evaluationComments", "From my draft."), Instant.now())));
        String page = mvc.perform(get("/tasks/t-evaluate")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"draft-note\"", ">From my draft.</textarea>", "value=\"3\"",
                "Discard the draft");
    }

    @Test
    void theFormIsRenderedWithLabelsLimitsAndTheCaseBesideIt() throws Exception {
        String page = mvc.perform(get("/tasks/t-evaluate")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Evaluate case", "Technical effectiveness", "1 (poor) to 5 (excellent)",
                "From 1 to 5", "type=\"checkbox\"", "name=\"conflictOfInterest\"", "Hospital air-conditioning",
                "Viet Nam", "Complete task");
        // a text field with the number keyboard, so that a Japanese input method's full-width digits reach the
        // server, which reads them; the browser's number field would drop them
        assertThat(page).contains("type=\"text\" inputmode=\"decimal\" name=\"scorePolicyFit\"");
    }

    @Test
    void textValuesAreConvertedPerFieldTypeBeforeTheServiceValidatesThem() throws Exception {
        mvc.perform(post("/tasks/t-evaluate").with(csrf())
                        .param("scoreTechnicalEffectiveness", "4").param("scoreGhgReduction", " 5 ")
                        .param("scoreDisseminationPotential", "３").param("scoreCostEffectiveness", "")
                        .param("scorePolicyFit", "2.5").param("evaluationComments", "Sound plan."))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("notice",
                        "“Evaluate case” on “Hospital air-conditioning” is done."));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> values = ArgumentCaptor.forClass(Map.class);
        verify(work).complete(eq("t-evaluate"), values.capture(), any());
        assertThat(values.getValue()).containsEntry("scoreTechnicalEffectiveness", 4L)
                .containsEntry("scoreGhgReduction", 5L).containsEntry("scoreDisseminationPotential", 3L)
                .containsEntry("scorePolicyFit", 2.5)
                .containsEntry("conflictOfInterest", false).containsEntry("evaluationComments", "Sound plan.")
                .doesNotContainKeys("scoreCostEffectiveness", "_csrf");
    }

    @Test
    void invalidValuesComeBackWithEachErrorNextToItsFieldAndTheInputKept() throws Exception {
        validateLikeTheService("stage-gate-evaluate");
        String page = mvc.perform(post("/tasks/t-evaluate").with(csrf())
                        .param("scoreTechnicalEffectiveness", "9")
                        .param("scoreGhgReduction", "many").param("evaluationComments", "Kept, not lost."))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Some values need correcting");
        assertThat(errorOf(page, "scoreTechnicalEffectiveness")).isEqualTo("Please enter at most 5.");
        assertThat(errorOf(page, "scoreGhgReduction")).isEqualTo("Please enter a number.");
        assertThat(errorOf(page, "scorePolicyFit")).isEqualTo("Please fill this in.");
        assertThat(page).doesNotContain("id=\"evaluationComments-error\"");
        assertThat(page).contains("value=\"9\"", "value=\"many\"", ">Kept, not lost.</textarea>");
    }

    @Test
    void aDeclaredConflictNeedsNoScoresAndStaysTickedWhenTheCommentIsMissing() throws Exception {
        validateLikeTheService("stage-gate-evaluate");
        String page = mvc.perform(post("/tasks/t-evaluate").with(csrf()).param("conflictOfInterest", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(errorOf(page, "evaluationComments")).isEqualTo("Please fill this in.");
        assertThat(page).doesNotContain("id=\"scoreTechnicalEffectiveness-error\"")
                .contains("checked=\"checked\"", "data-show-key=\"conflictOfInterest\"");
    }

    @Test
    void errorsAreInTheReadersLanguage() throws Exception {
        validateLikeTheService("stage-gate-evaluate");
        String page = mvc.perform(post("/tasks/t-evaluate").with(csrf()).header("Accept-Language", "ja")
                        .param("scoreTechnicalEffectiveness", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(errorOf(page, "scoreTechnicalEffectiveness")).isEqualTo("1以上の値を入力してください。");
        assertThat(errorOf(page, "evaluationComments")).isEqualTo("入力してください。");
        assertThat(page).contains("案件の評価", "タスクを完了");
    }

    @Test
    void aFieldTheFormHidesIsShownWithWhenItIsNeeded() throws Exception {
        task("t-review", "Task_ReviewFeasibilityReport", "Review feasibility study", "feasibility-review-report",
                "stage-gate-committee");
        String page = mvc.perform(get("/tasks/t-review")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-show-key=\"studyOutcome\"", "data-show-equal=\"true\"",
                "data-show-value=\"TRANSFER\"",
                "Only needed when “Outcome of the study” is “Transfer to another scheme”.");
    }

    @Test
    void aTaskForAnotherRoleIsShownReadOnly() throws Exception {
        task("t-screen", "Task_ScreenProposal", "Screen proposal", "feasibility-screen-proposal", "program-manager");
        String page = mvc.perform(get("/tasks/t-screen")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("You can read this task, but not complete it").doesNotContain("Complete task");
    }

    private void validateLikeTheService(String formId) {
        doAnswer(call -> FormValidator.validate(Forms.read(formId), call.getArgument(1)))
                .when(work).complete(any(), anyMap(), any());
    }

    private static String errorOf(String page, String field) {
        String marker = "id=\"" + field + "-error\">";
        int start = page.indexOf(marker);
        assertThat(start).as("error of %s", field).isNotNegative();
        return page.substring(start + marker.length(), page.indexOf('<', start + marker.length()));
    }
}
