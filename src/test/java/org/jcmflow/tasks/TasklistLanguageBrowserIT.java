package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.time.Duration;

import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.Browser;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Camunda Tasklist speaks the browser's language: Japanese to a reader whose browser is set to Japanese, its
 * menus, buttons and messages as well as the task's form; English to anyone else. On the browser tests'
 * application (see PortalBrowserIT).
 */
@ApplicationTest
@TestPropertySource(properties = "spring.application.name=jcm-flow-browser-test")
class TasklistLanguageBrowserIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final By AGE_IN_THE_LIST = By.cssSelector(".tasks-list .creation-date");

    @LocalServerPort
    int port;

    private final CaseDriver driver;

    TasklistLanguageBrowserIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void aReaderWhoseBrowserIsInJapaneseGetsTasklistInJapanese() {
        String screening = screeningTask("Tasklist in Japanese: biomass boiler");
        try (Browser sato = Browser.openInJapanese(port)) {
            // a first visit on a slow line: the task list is drawn before the Japanese translation has come
            Browser.HeldRequests translation = sato.holdRequests("*/app/tasklist/locales/ja.json*");
            sato.logIn(PROGRAM_MANAGER).go(TASKLIST);
            sato.waitFor(By.cssSelector(".tasks-list .creation-date"));
            translation.release();
            sato.waitForText("プロセスを開始");
            assertThat(sato.text(By.tagName("body"))).contains("タスクを作成", "一覧からタスクを選んでください。")
                    .doesNotContain("Start process", "Create task");
            // the ages drawn before it came read in Japanese as soon as it has, not "a few seconds ago" until the
            // list is drawn again
            sato.waitForText(AGE_IN_THE_LIST, "前", Duration.ofSeconds(3));
            assertThat(sato.text(AGE_IN_THE_LIST)).startsWith("作成日時").doesNotContain("ago");

            // back from the portal to a task, with the language Tasklist keeps from the first visit, dates included
            sato.go("/tasks").go(TASKLIST + "#/?task=" + screening);
            sato.waitForText("担当する");
            // the task's form is fetched after the task's header is drawn: its translated title comes later
            sato.waitForText("提案の審査");
            assertThat(sato.text(By.tagName("body"))).contains("期限を設定", "フォーム", "履歴", "図", "提案の審査")
                    .doesNotContain("Claim", "Set due date", "Diagram");
            assertThat(sato.text(By.cssSelector(".creation-date"))).startsWith("作成日時").endsWith("前");
            sato.screenshot("tasklist-japanese");
        }
    }

    @Test
    void aReaderWhoseBrowserIsInAnotherLanguageGetsTasklistInEnglish() {
        String screening = screeningTask("Tasklist in English: biomass boiler");
        try (Browser sato = Browser.open(port)) {
            sato.logIn(PROGRAM_MANAGER).go(TASKLIST + "#/?task=" + screening);
            sato.waitForText("Claim");
            assertThat(sato.text(By.tagName("body"))).contains("Start process", "Claim", "Diagram")
                    .doesNotContain("プロセスを開始", "担当する");
        }
    }

    /** An unclaimed task of the programme manager's role: a new case's screening. */
    private String screeningTask(String title) {
        return driver.openTask(driver.openCase(PROPONENT, title), "Task_ScreenProposal");
    }
}
