package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.Browser;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.DemoUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A programme manager reassigns a task on the case page and hands it back, in English; a committee member records
 * an absence with a stand-in in Japanese, after a refusal. On the browser tests' application (see PortalBrowserIT):
 * the absence lies in a year to come, so that no other test's committee meets it.
 */
@ApplicationTest
@TestPropertySource(properties = "spring.application.name=jcm-flow-browser-test")
class ReassignmentBrowserIT {

    @LocalServerPort
    int port;

    private final CaseDriver driver;

    ReassignmentBrowserIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void aProgrammeManagerGivesTheScreeningToAColleagueAndHandsItBackToTheRole() {
        String caseId = driver.openCase(PROPONENT, "Reassigned in the browser: biomass boilers");
        try (Browser sato = Browser.open(port)) {
            sato.logIn(PROGRAM_MANAGER).go("/cases/" + caseId);
            assertThat(sato.text(By.cssSelector("#reassign h2"))).isEqualTo("Who has the open tasks");
            By screening = By.cssSelector("#reassign-tasks tr[data-task=Task_ScreenProposal]");
            assertThat(sato.find(screening).findElement(By.cssSelector(".holder")).getText())
                    .isEqualTo("Programme manager");
            new Select(sato.find(screening).findElement(By.tagName("select"))).selectByValue(OTHER_PROGRAM_MANAGER);
            sato.clickToNextPage(By.cssSelector("#reassign-tasks tr[data-task=Task_ScreenProposal] button"));
            assertThat(sato.text(By.cssSelector(".flash.notice"))).isEqualTo("The task is now Emi Takahashi's.");
            // people by their names, as everywhere on the pages
            assertThat(sato.find(screening).findElement(By.cssSelector(".holder")).getText()).isEqualTo("Emi Takahashi");
            assertThat(sato.find(screening).findElements(By.cssSelector("select option")))
                    .extracting(option -> option.getText()).contains("Emi Takahashi").doesNotContain("takahashi");
            assertThat(sato.text(By.id("history"))).contains("Task reassigned");

            new Select(sato.find(screening).findElement(By.tagName("select")))
                    .selectByVisibleText("Its roles (nobody by name)");
            sato.clickToNextPage(By.cssSelector("#reassign-tasks tr[data-task=Task_ScreenProposal] button"));
            assertThat(sato.text(By.cssSelector(".flash.notice"))).isEqualTo("The task is handed back to its roles.");
            assertThat(sato.find(screening).findElement(By.cssSelector(".holder")).getText())
                    .isEqualTo("Programme manager");
        }
        try (Browser tanaka = Browser.open(port)) {
            tanaka.logIn(PROPONENT).go("/cases/" + caseId);
            assertThat(tanaka.findAll(By.id("reassign"))).as("for programme managers only").isEmpty();
        }
    }

    @Test
    void aCommitteeMemberRecordsAnAbsenceWithAStandInInJapanese() {
        try (Browser inoue = Browser.open(port)) {
            inoue.logIn(DemoUser.THIRD_COMMITTEE_MEMBER).go("/absences?lang=ja");
            assertThat(inoue.text(By.tagName("h1"))).isEqualTo("不在と代理");
            setDate(inoue, "absence-startsOn", "2099-03-01");
            setDate(inoue, "absence-endsOn", "2099-03-14");
            new Select(inoue.find(By.id("absence-standIn"))).selectByVisibleText(PROGRAM_MANAGER);
            inoue.clickToNextPage(By.cssSelector("#absence-form button[type=submit]"));
            assertThat(inoue.text(By.id("absence-standIn-error"))).isEqualTo("satoはinoueのロールを持っていません。");

            setDate(inoue, "absence-startsOn", "2099-03-01");
            setDate(inoue, "absence-endsOn", "2099-03-14");
            new Select(inoue.find(By.id("absence-standIn"))).selectByVisibleText(DemoUser.SECOND_COMMITTEE_MEMBER);
            inoue.clickToNextPage(By.cssSelector("#absence-form button[type=submit]"));
            assertThat(inoue.text(By.cssSelector(".flash.notice"))).isEqualTo("inoueの不在を記録しました。代理はyamamotoです。");
            assertThat(inoue.text(By.id("absence-list"))).contains("inoue").contains("2099-03-01から2099-03-14まで")
                    .contains("yamamoto");
        }
    }

    /** A date field's value as the date picker would set it, whatever the browser's own date format. */
    private static void setDate(Browser browser, String id, String isoDate) {
        browser.script("document.getElementById(arguments[0]).value = arguments[1]", id, isoDate);
    }
}
