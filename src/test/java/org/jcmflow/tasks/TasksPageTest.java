package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.casefile.Stage;
import org.jcmflow.testsupport.PageTest;
import org.jcmflow.problem.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@PageTest(TasksPage.class)
@WithMockUser(username = "sato", roles = "program-manager")
class TasksPageTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TaskInbox inbox;
    @MockitoBean
    TaskWork work;
    @MockitoBean
    PartnerCountries partnerCountries;
    @MockitoBean
    BulkClaims bulkClaims;
    @MockitoBean
    SavedTaskFilters savedFilters;

    @BeforeEach
    void countries() {
        when(partnerCountries.names(any())).thenReturn(Map.of("VN", "Viet Nam", "MN", "Mongolia"));
    }

    private static TaskView task(String id, String title, String assignee, Instant due, boolean overdue) {
        return new TaskView(id, "Task_ScreenProposal", "Screen proposal", UUID.randomUUID(), title,
                "FEASIBILITY_STUDY", "VN", List.of("program-manager"), assignee, Instant.now(), due, overdue);
    }

    @Test
    void theInboxListsTasksWithDueDatesOverdueMarksAndClaimButtons() throws Exception {
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS);
        when(inbox.inbox(any(), eq(null), eq(null), eq(null), eq(InboxSort.DUE), eq(0), eq(TasksPage.PAGE_SIZE))).thenReturn(
                new TaskInbox.TaskPage(List.of(task("t1", "Late case", null, lastWeek, true),
                        task("t2", "My case", "sato", null, false)), 0, TasksPage.PAGE_SIZE, 2));

        String page = mvc.perform(get("/tasks")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Late case", "My case", "Screen proposal", "Feasibility study", "Overdue",
                "class=\"overdue\"", "/tasks/t1/claim", "/tasks/t2/unclaim", "Page 1 of 1 (2 in all)");
        assertThat(page).doesNotContain("/tasks/t2/claim", "/tasks/t1/unclaim");
    }

    @Test
    void aTaskOfTheJcmTrackShowsTheTracksStage() throws Exception {
        TaskView verification = new TaskView("t4", "Task_VerifyMonitoringReport", "Verify monitoring report",
                UUID.randomUUID(), "Hospital air-conditioning", "MRV", "VN", List.of("mrv-verifier"), null,
                Instant.now(), null, false, "VERIFICATION");
        when(inbox.inbox(any(), eq(null), eq(null), eq(null), eq(InboxSort.DUE), eq(0), eq(TasksPage.PAGE_SIZE))).thenReturn(
                new TaskInbox.TaskPage(List.of(verification, task("t5", "Beside it", null, null, false)), 0,
                        TasksPage.PAGE_SIZE, 2));

        String page = mvc.perform(get("/tasks")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("JCM track: Verification", "Feasibility study");
    }

    @Test
    void filtersReachTheServiceAndThePagerKeepsThem() throws Exception {
        when(inbox.inbox(any(), eq(Stage.MOU), eq("VN"), eq(null), eq(InboxSort.DUE), eq(1), eq(TasksPage.PAGE_SIZE))).thenReturn(
                new TaskInbox.TaskPage(List.of(task("t3", "Case", null, null, false)), 1, TasksPage.PAGE_SIZE,
                        45));

        String page = mvc.perform(get("/tasks?stage=MOU&partnerCountry=VN&page=1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Page 2 of 3 (45 in all)",
                "href=\"/tasks?stage=MOU&amp;partnerCountry=VN&amp;page=0\"",
                "href=\"/tasks?stage=MOU&amp;partnerCountry=VN&amp;page=2\"",
                "<option value=\"MOU\" selected=\"selected\">MOU</option>");
    }

    @Test
    void anInboxCountedOnlySoFarSaysSoAndStillLeadsToTheNextPage() throws Exception {
        when(inbox.inbox(any(), eq(null), eq(null), eq(null), eq(InboxSort.DUE), eq(49), eq(TasksPage.PAGE_SIZE))).thenReturn(
                new TaskInbox.TaskPage(List.of(task("t4", "Case", null, null, false)), 49, TasksPage.PAGE_SIZE,
                        1000, true));

        String page = mvc.perform(get("/tasks?page=49")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String japanese = mvc.perform(get("/tasks?page=49").header("Accept-Language", "ja")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Page 50 (1,000 or more in all)", "href=\"/tasks?page=50\"", "href=\"/tasks?page=48\"");
        assertThat(page).doesNotContain("Page 50 of");
        assertThat(japanese).contains("50 ページ（全 1,000 件以上）");
    }

    @Test
    void claimingGoesBackToThePageItCameFromWithAConfirmation() throws Exception {
        mvc.perform(post("/tasks/t1/claim").with(csrf()).param("back", "/tasks?stage=MOU"))
                .andExpect(redirectedUrl("/tasks?stage=MOU"))
                .andExpect(flash().attribute("notice", "The task is now yours: others see it claimed by you."));
        verify(work).claim(eq("t1"), any());
    }

    @Test
    void aClaimThatFailsIsToldInTheReadersLanguage() throws Exception {
        doThrow(Problem.conflict("The task is already claimed by takahashi.", "taskClaimed", "takahashi"))
                .when(work).claim(eq("t1"), any());
        mvc.perform(post("/tasks/t1/claim").with(csrf()).header("Accept-Language", "ja").param("back", "/tasks"))
                .andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("alert", "このタスクは takahashi が担当しています。"));
    }

    @Test
    void theWayBackNeverLeadsOffTheInbox() throws Exception {
        mvc.perform(post("/tasks/t1/unclaim").with(csrf()).param("back", "//evil.example/tasks"))
                .andExpect(redirectedUrl("/tasks"));
        mvc.perform(post("/tasks/t1/unclaim").with(csrf()).param("back", "https://evil.example/"))
                .andExpect(redirectedUrl("/tasks"));
    }

    @Test
    void aStageThatDoesNotExistIsABadRequestPage() throws Exception {
        String page = mvc.perform(get("/tasks").param("stage", "NO_SUCH_STAGE")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The request was not understood");
    }

    @Test
    void theInboxOffersItsOrdersSavedFiltersAndATickBoxForEachTaskNobodyHolds() throws Exception {
        when(inbox.inbox(any(), eq(null), eq(null), eq(null), eq(InboxSort.CASE), eq(0), eq(TasksPage.PAGE_SIZE)))
                .thenReturn(new TaskInbox.TaskPage(List.of(task("t1", "Open case", null, null, false),
                        task("t2", "My case", "sato", null, false)), 0, TasksPage.PAGE_SIZE, 2));
        when(savedFilters.of(any())).thenReturn(List.of(new SavedTaskFilters.SavedTaskFilter(7, "Viet Nam MOUs",
                Stage.MOU, "VN", null, "due")));

        String page = mvc.perform(get("/tasks?sort=case").header("Accept-Language", "ja")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("並べ替え", "<option value=\"case\" selected=\"selected\">案件</option>",
                "期限の早い順", "保存した絞り込み", "href=\"/tasks?stage=MOU&amp;partnerCountry=VN\"", "Viet Nam MOUs",
                "/tasks/filters/7/delete", "選択したタスクを担当する",
                "name=\"taskId\" form=\"bulk-claim\" value=\"t1\"",
                "<input type=\"hidden\" name=\"sort\" value=\"case\">");
        assertThat(page).as("a task somebody holds has no tick box").doesNotContain("value=\"t2\" aria-label");
        assertThat(page).doesNotContain("tasks.", "sort.case");
    }

    @Test
    void tasksClaimedTogetherAreCountedAndEachRefusalSaysWhyInTheReadersLanguage() throws Exception {
        when(bulkClaims.claim(eq(List.of("t1", "t2", "t3")), any())).thenReturn(new BulkClaims.Outcome(
                List.of("t1", "t2"), List.of(new BulkClaims.Refusal("t3", 409, "claimed",
                Problem.conflict("The task is already claimed by takahashi.", "taskClaimed", "takahashi")
                        .localizable()))));

        mvc.perform(post("/tasks/claim").with(csrf()).header("Accept-Language", "ja")
                        .param("taskId", "t1", "t2", "t3").param("back", "/tasks?sort=case"))
                .andExpect(redirectedUrl("/tasks?sort=case"))
                .andExpect(flash().attribute("notice", "2件のタスクの担当者になりました。"))
                .andExpect(flash().attribute("alert", "1件のタスクは担当できませんでした：このタスクは takahashi が担当しています。"));
    }

    @Test
    void aFilterSavedFromTheInboxOpensAtOnceAndABadOneIsToldWhy() throws Exception {
        when(savedFilters.save(eq(new SavedTaskFilters.NewFilter("Mine", "MOU", "VN", "", "due")), any()))
                .thenReturn(new SavedTaskFilters.SavedTaskFilter(3, "Mine", Stage.MOU, "VN", null, "due"));
        mvc.perform(post("/tasks/filters").with(csrf()).param("name", "Mine").param("stage", "MOU")
                        .param("partnerCountry", "VN").param("q", "").param("sort", "due"))
                .andExpect(redirectedUrl("/tasks?stage=MOU&partnerCountry=VN"))
                .andExpect(flash().attribute("notice", "The filter \"Mine\" is saved."));

        when(savedFilters.save(eq(new SavedTaskFilters.NewFilter("Mine", null, null, null, null)), any()))
                .thenThrow(new org.jcmflow.problem.InvalidInput(List.of(
                        org.jcmflow.problem.InvalidInput.FieldProblem.coded("name", "taken", "filterNameTaken"))));
        mvc.perform(post("/tasks/filters").with(csrf()).param("name", "Mine").param("back", "/tasks?page=1"))
                .andExpect(redirectedUrl("/tasks?page=1"))
                .andExpect(flash().attribute("alert", "The filter was not saved: You have a filter of this name "
                        + "already; please choose another."));
    }
}
