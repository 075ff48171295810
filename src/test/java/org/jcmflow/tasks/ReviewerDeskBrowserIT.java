package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.Browser;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

/** The reviewer's task page in Chromium, in English and Japanese: the submission beside the form, and drafts. */
@ApplicationTest
class ReviewerDeskBrowserIT {

    @LocalServerPort
    int port;

    private final CaseDriver driver;
    private Browser browser;

    ReviewerDeskBrowserIT(CaseDriver driver) {
        this.driver = driver;
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theReviewerReadsTheRevisedReportBesideTheFormWithWhatChanged() {
        String caseId = driver.openCase(PROPONENT, "Hospital chillers in Hanoi");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER, "studyOutcome", "CONTINUE_STUDY");
        driver.uploadReport(caseId, PROPONENT, "study-round-2.pdf");
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT, "estimatedReductionTco2PerYear", 1450);
        String review = driver.openTask(caseId, "Task_ReviewFeasibilityReport");

        browser.logIn(PROGRAM_MANAGER).go("/tasks/" + review);
        WebElement submission = browser.find(By.id("submission"));
        assertThat(submission.getText()).contains("What you decide on", "Carry out study and submit report",
                "Revised: round 2", "Estimated GHG reduction (t-CO2/year)", "study-round-2.pdf");
        WebElement reduction = browser.find(By.cssSelector("#submission dd[data-field=estimatedReductionTco2PerYear]"));
        assertThat(reduction.getAttribute("class")).contains("changed");
        assertThat(reduction.getText()).contains("1,450", "Changed", "Before:", "1,300.5");
        assertThat(browser.find(By.cssSelector("#submission dd[data-field=mrvApproach]")).getAttribute("class"))
                .doesNotContain("changed");
        // beside the form, not below it
        int formLeft = browser.find(By.id("task-form")).getRect().getX();
        assertThat(submission.getRect().getX()).isGreaterThan(formLeft + 200);
        assertThat(submission.getRect().getY()).isLessThan(browser.find(By.id("task-form")).getRect().getY() + 200);

        browser.go("/tasks/" + review + "?lang=ja");
        assertThat(browser.text(By.id("submission"))).contains("判断の対象", "調査の実施と報告書の提出", "再提出：第2回",
                "想定GHG削減量（t-CO2/年）", "変更あり", "前回：");
        browser.screenshot("reviewer-desk-submission-ja");
    }

    @Test
    void aDraftIsSavedResumedAndGoesWithTheCompletionInBothLanguages() {
        String caseId = driver.openCase(PROPONENT, "Solar pumps drafted");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        int stepsBefore = driver.caseFile(caseId).path("history").size();

        browser.logIn(PROGRAM_MANAGER).go("/tasks/" + screening);
        browser.find(By.cssSelector("input[name=screeningDecision][value=ACCEPT]")).click();
        browser.type(By.id("screeningComments"), "Fits the call; the budget is still to check.");
        browser.clickToNextPage(By.id("save-draft"));
        assertThat(browser.path()).isEqualTo("/tasks/" + screening);
        assertThat(browser.text(By.cssSelector(".flash.notice"))).contains("Your draft is saved");
        assertThat(browser.text(By.id("draft-note"))).contains("Only you see it");
        assertThat(browser.find(By.id("screeningComments")).getDomProperty("value"))
                .isEqualTo("Fits the call; the budget is still to check.");
        assertThat(browser.find(By.cssSelector("input[name=screeningDecision][value=ACCEPT]")).isSelected()).isTrue();
        // a draft decides nothing: the case's history has no new step, the task is the manager's
        assertThat(driver.caseFile(caseId).path("history")).hasSize(stepsBefore);
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/tasks/" + screening).json().path("assignee").asText())
                .isEqualTo(PROGRAM_MANAGER);

        browser.go("/tasks/" + screening + "?lang=ja");
        assertThat(browser.text(By.id("draft-note"))).contains("保存した下書きを表示しています");
        browser.type(By.id("screeningComments"), "予算を確認済み。");
        browser.clickToNextPage(By.id("save-draft"));
        assertThat(browser.text(By.cssSelector(".flash.notice"))).contains("下書きを保存しました");
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/tasks/" + screening + "/draft").json().path("variables")
                .path("screeningComments").asText()).isEqualTo("予算を確認済み。");

        browser.clickToNextPage(By.cssSelector("#task-form button.primary"));
        assertThat(browser.path()).startsWith("/tasks");
        assertThat(driver.caseFile(caseId).path("history").get(stepsBefore).path("outcome").asText())
                .isEqualTo("ACCEPT");
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/tasks/" + screening + "/draft").status()).isEqualTo(409);
    }
}
