package org.jcmflow.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;

import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A programme manager records the programme's interim evaluation on the programme page, in Japanese, after the page
 * has told what was missing, and reads it on the ledger. On the browser tests' application (see PortalBrowserIT):
 * the evaluation ends with the test, so that the ledger the dashboard test prints is the programme's without it.
 */
@ApplicationTest
@TestPropertySource(properties = "spring.application.name=jcm-flow-browser-test")
class ProgrammeBrowserIT {

    @LocalServerPort
    int port;

    /** Only to take this test's evaluation away again. */
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void evaluationEnds() {
        jdbc.sql("delete from programme_evaluation where result like 'Browser:%'").update();
    }

    @Test
    void aProgrammeManagerRecordsAnEvaluationAfterARefusalAndReadsItOnTheLedger() {
        try (Browser sato = Browser.open(port)) {
            sato.logIn(PROGRAM_MANAGER).go("/programme?lang=ja");
            assertThat(sato.text(By.tagName("h1"))).isEqualTo("事業の設定と記録");
            new Select(sato.find(By.id("evaluation-kind"))).selectByVisibleText("中間評価");
            sato.clickToNextPage(By.cssSelector("#evaluation-form button[type=submit]"));
            assertThat(sato.text(By.cssSelector(".flash.alert"))).isEqualTo("記録されていません。印の付いた項目を確認してください。");
            assertThat(sato.text(By.id("evaluation-result-error"))).isEqualTo("入力してください。");
            assertThat(new Select(sato.find(By.id("evaluation-kind"))).getFirstSelectedOption().getText())
                    .as("what was chosen is kept").isEqualTo("中間評価");

            sato.script("document.getElementById('evaluation-heldOn').value = '2014-03-20'");
            sato.type(By.id("evaluation-result"), "Browser: 計画どおり進捗");
            sato.clickToNextPage(By.cssSelector("#evaluation-form button[type=submit]"));
            assertThat(sato.text(By.cssSelector(".flash.notice"))).isEqualTo("評価を記録しました。");
            assertThat(sato.text(By.id("programme-evaluations"))).contains("中間評価（2014-03-20実施）：Browser: 計画どおり進捗");

            sato.go("/dashboard/ledger?lang=ja");
            assertThat(sato.text(By.id("ledger-evaluations"))).contains("中間評価（2014-03-20実施）：Browser: 計画どおり進捗");
            assertThat(sato.consoleErrors()).isEmpty();
        }
    }
}
