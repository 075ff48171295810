package org.jcmflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.Browser;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The portal in a real browser, the way proponents and programme managers use it. */
/**
 * On an application and database of its own: the browser reads the first page of the inbox, which the API
 * tests sharing the other application context would fill with their cases.
 */
@ApplicationTest
@TestPropertySource(properties = "spring.application.name=jcm-flow-browser-test")
class PortalBrowserIT {

    @LocalServerPort
    int port;

    private CaseDriver driver;
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        driver = new CaseDriver(port);
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aProposalIsSubmittedScreenedOnTheTaskPageAndShownInTheCaseHistory() {
        browser.logIn(PROPONENT);
        browser.find(By.linkText("New proposal")).click();
        browser.type(By.id("title"), "LED fishing lights for Palau");
        new Select(browser.find(By.id("partnerCountry"))).selectByVisibleText("Palau");
        browser.type(By.id("technology"), "LED fishing lights replacing metal-halide lamps");
        browser.type(By.id("estimatedReductionTco2PerYear"), "about 800");
        browser.type(By.id("budgetMillionJpy"), "120");
        new Select(browser.find(By.id("fiscalYear"))).selectByVisibleText("FY2016");
        browser.find(By.cssSelector("#proposal-form button[type=submit]")).click();
        assertThat(browser.text(By.id("estimatedReductionTco2PerYear-error"))).isEqualTo("Please enter a number.");
        assertThat(browser.find(By.id("title")).getDomProperty("value")).isEqualTo("LED fishing lights for Palau");
        browser.screenshot("proposal-with-error");
        browser.type(By.id("estimatedReductionTco2PerYear"), "830.5");
        browser.find(By.cssSelector("#proposal-form button[type=submit]")).click();

        assertThat(browser.text(By.cssSelector(".flash.notice"))).contains("LED fishing lights for Palau");
        assertThat(browser.path()).startsWith("/cases/");
        String caseId = browser.path().substring("/cases/".length());
        assertThat(browser.text(By.cssSelector(".case-fields"))).contains("Palau", "Feasibility study", "FY2016");
        browser.screenshot("proposal-submitted");
        browser.find(By.cssSelector("form.logout button")).click();
        browser.waitFor(By.id("username"));

        browser.logIn(PROGRAM_MANAGER);
        browser.find(By.xpath("//table[@id='task-list']//tr[td/a[text()='LED fishing lights for Palau']]"
                + "//a[@class='task-link']")).click();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Screen proposal");
        assertThat(browser.text(By.cssSelector(".case-summary"))).contains("LED fishing lights for Palau", "Palau");

        // a decision without the required reasons: refused, the error next to the field, the choice kept
        browser.find(By.cssSelector("input[name=screeningDecision][value=ACCEPT]")).click();
        browser.find(By.cssSelector("#task-form button[type=submit]")).click();
        assertThat(browser.text(By.id("screeningComments-error"))).isEqualTo("Please fill this in.");
        assertThat(browser.find(By.cssSelector("input[name=screeningDecision][value=ACCEPT]")).isSelected()).isTrue();
        browser.screenshot("task-with-error");
        assertThat(driver.stage(caseId)).isEqualTo("FEASIBILITY_STUDY");

        browser.type(By.id("screeningComments"),
                (String) ValidSubmissions.of("Task_ScreenProposal").get("screeningComments"));
        browser.find(By.cssSelector("#task-form button[type=submit]")).click();
        assertThat(browser.path()).isEqualTo("/tasks");
        assertThat(browser.text(By.cssSelector(".flash.notice")))
                .contains("Screen proposal", "LED fishing lights for Palau");

        browser.go("/cases/" + caseId);
        String history = browser.text(By.id("history"));
        assertThat(history).contains("Proposal submitted", PROPONENT, "Screen proposal", PROGRAM_MANAGER, "Accepted");
        assertThat(browser.text(By.cssSelector(".open-tasks"))).contains("Carry out study and submit report");
        browser.screenshot("case-history");
    }

    @Test
    void switchingToJapaneseShowsJapaneseLabelsAndTheChoiceIsKept() {
        String caseId = driver.openCase(PROPONENT, "Hospital air-conditioning in Viet Nam");
        browser.logIn(PROGRAM_MANAGER);
        assertThat(browser.text(By.cssSelector(".nav"))).contains("My tasks", "Cases");

        browser.find(By.linkText("日本語")).click();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("マイタスク");
        assertThat(browser.text(By.cssSelector(".nav"))).contains("マイタスク", "案件一覧");
        assertThat(browser.text(By.cssSelector(".user"))).contains("プログラムマネージャー");

        browser.go("/cases/" + caseId);
        assertThat(browser.text(By.cssSelector(".case-fields"))).contains("ベトナム", "実現可能性調査", "2016年度");
        assertThat(browser.text(By.id("history"))).contains("提案の提出");
        browser.find(By.cssSelector(".open-tasks a")).click();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("提案の審査");
        assertThat(browser.text(By.id("task-form"))).contains("審査結果", "採択：調査を開始できる", "審査の理由");
        browser.find(By.cssSelector("#task-form button[type=submit]")).click();
        assertThat(browser.text(By.id("screeningDecision-error"))).isEqualTo("入力してください。");
        browser.screenshot("task-in-japanese");

        browser.find(By.linkText("English")).click();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Screen proposal");
    }

    @Test
    void onAPhoneTheInboxStacksAndOperatorsGetTheCamundaLinks() {
        driver.openCase(PROPONENT, "Energy-saving data centre in Indonesia");
        browser.resize(390, 844);
        browser.logIn(PROGRAM_MANAGER);
        assertThat(browser.findAll(By.linkText("Camunda Cockpit"))).isEmpty();
        assertThat(browser.text(By.id("task-list"))).contains("Energy-saving data centre in Indonesia");
        browser.screenshot("inbox-on-a-phone");
        browser.find(By.cssSelector("form.logout button")).click();

        browser.logIn(ADMIN);
        assertThat(browser.find(By.linkText("Camunda Cockpit")).getDomAttribute("href"))
                .isEqualTo("/camunda/app/cockpit/default/");
        assertThat(browser.findAll(By.linkText("New proposal"))).isEmpty();
    }
}
