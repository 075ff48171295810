package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** The overdue tasks the dashboard counts, listed for the programme office, and marked on their case's page. */
@ApplicationTest
class OverdueTasksIT {

    /** A partner country and fiscal year of this test's own, so that the figures are its cases' alone. */
    private static final String COUNTRY = "MV";
    private static final int YEAR = 2013;

    @Autowired
    TaskService engineTasks;

    final CaseDriver driver;

    OverdueTasksIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void theDashboardsOverdueCountLeadsToThoseVeryTasksProponentsTasksIncluded() {
        String studied = driver.openCase(PROPONENT, "Late feasibility report", COUNTRY, YEAR);
        driver.complete(studied, "Task_ScreenProposal", PROGRAM_MANAGER);
        String lateReport = driver.openTask(studied, "Task_SubmitFeasibilityReport");
        String screened = driver.openCase(PROPONENT, "Late screening", COUNTRY, YEAR);
        String lateScreening = driver.openTask(screened, "Task_ScreenProposal");
        String onTime = driver.openCase(PROPONENT, "Screening on time", COUNTRY, YEAR);
        dueDaysAgo(lateReport, 3);
        dueDaysAgo(lateScreening, 10);

        ApiClient manager = driver.as(PROGRAM_MANAGER);
        String filter = "fiscalYear=" + YEAR + "&partnerCountry=" + COUNTRY;
        JsonNode overdue = manager.get("/api/tasks/overdue?" + filter).json();
        assertThat(ids(overdue.path("content"))).containsExactly(lateScreening, lateReport);
        long counted = manager.get("/api/dashboard?" + filter).json().path("overdueTasks").asLong();
        assertThat(overdue.path("totalElements").asLong()).isEqualTo(counted).isEqualTo(2);
        JsonNode report = overdue.path("content").get(1);
        assertThat(report.path("candidateGroups")).extracting(JsonNode::asText).containsExactly("proponent");
        assertThat(report.path("overdue").asBoolean()).isTrue();

        // the dashboard's figure is a link to the list, with the dashboard's filters
        String dashboard = manager.getPage("/dashboard?" + filter).text();
        assertThat(dashboard).contains("href=\"/tasks/overdue?fiscalYear=" + YEAR + "&amp;partnerCountry=" + COUNTRY
                + "\"");
        String page = manager.getPage("/tasks/overdue?" + filter).text();
        assertThat(page).contains("data-task-id=\"" + lateReport + "\"", "data-task-id=\"" + lateScreening + "\"",
                "Late feasibility report", "10 days late").doesNotContain("Screening on time");
        assertThat(manager.getPage("/tasks/overdue?" + filter + "&lang=ja").text()).contains("期限切れのタスク",
                "10 日超過");
        assertThat(driver.as(ADMIN).get("/api/tasks/overdue?" + filter).status()).isEqualTo(200);

        // the case page marks its overdue task, and the case file says so
        JsonNode openTasks = driver.caseFile(studied).path("openTasks");
        assertThat(openTasks.get(0).path("overdue").asBoolean()).isTrue();
        assertThat(driver.caseFile(onTime).path("openTasks").get(0).path("overdue").asBoolean()).isFalse();
        assertThat(driver.as(PROPONENT).getPage("/cases/" + studied).text())
                .contains("data-task-id=\"" + lateReport + "\" class=\"overdue\"");
    }

    @Test
    void onlyTheProgrammeOfficeReadsTheOverdueTasksAndBadFiltersAreNamed() {
        for (String user : List.of(PROPONENT, COMMITTEE_MEMBER)) {
            ApiClient.Response refused = driver.as(user).get("/api/tasks/overdue");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(driver.as(user).getPage("/tasks/overdue").status()).isEqualTo(403);
        }
        ApiClient.Response badYear = driver.as(PROGRAM_MANAGER).get("/api/tasks/overdue?fiscalYear=soon");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.text()).contains("fiscalYear");
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/tasks/overdue?size=0").status()).isEqualTo(400);
    }

    private void dueDaysAgo(String taskId, int days) {
        Task task = engineTasks.createTaskQuery().taskId(taskId).singleResult();
        task.setDueDate(Date.from(Instant.now().minus(Duration.ofDays(days)).minus(Duration.ofHours(1))));
        engineTasks.saveTask(task);
    }

    private static List<String> ids(JsonNode tasks) {
        return StreamSupport.stream(tasks.spliterator(), false).map(task -> task.path("id").asText()).toList();
    }
}
