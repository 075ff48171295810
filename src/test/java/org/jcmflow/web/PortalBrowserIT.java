package org.jcmflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.Browser;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal in a real browser, the way proponents and programme managers use it. On an application and
 * database of its own: the browser reads the first page of the inbox, which the API tests sharing the other
 * application context would fill with their cases.
 */
@ApplicationTest
@TestPropertySource(properties = "spring.application.name=jcm-flow-browser-test")
class PortalBrowserIT {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path files;

    @LocalServerPort
    int port;

    private final CaseDriver driver;
    private Browser browser;

    PortalBrowserIT(CaseDriver driver) {
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
    void aProposalIsSubmittedScreenedOnTheTaskPageAndShownInTheCaseHistory() {
        browser.logIn(PROPONENT);
        browser.clickToNextPage(By.linkText("New proposal"));
        browser.type(By.id("title"), "LED fishing lights for Palau");
        new Select(browser.find(By.id("partnerCountry"))).selectByVisibleText("Palau");
        browser.type(By.id("technology"), "LED fishing lights replacing metal-halide lamps");
        browser.type(By.id("estimatedReductionTco2PerYear"), "about 800");
        browser.type(By.id("budgetMillionJpy"), "120");
        new Select(browser.find(By.id("fiscalYear"))).selectByVisibleText("FY2016");
        browser.clickToNextPage(By.cssSelector("#proposal-form button[type=submit]"));
        assertThat(browser.text(By.id("estimatedReductionTco2PerYear-error"))).isEqualTo("Please enter a number.");
        assertThat(browser.find(By.id("title")).getDomProperty("value")).isEqualTo("LED fishing lights for Palau");
        browser.screenshot("proposal-with-error");
        browser.type(By.id("estimatedReductionTco2PerYear"), "830.5");
        browser.clickToNextPage(By.cssSelector("#proposal-form button[type=submit]"));

        assertThat(browser.text(By.cssSelector(".flash.notice"))).contains("LED fishing lights for Palau");
        assertThat(browser.path()).startsWith("/cases/");
        String caseId = browser.path().substring("/cases/".length());
        assertThat(browser.text(By.cssSelector(".case-fields"))).contains("Palau", "Feasibility study", "FY2016");
        browser.screenshot("proposal-submitted");
        browser.clickToNextPage(By.cssSelector("form.logout button"));
        browser.waitFor(By.id("username"));

        browser.logIn(PROGRAM_MANAGER);
        browser.clickToNextPage(By.xpath("//table[@id='task-list']//tr[td/a[text()='LED fishing lights for Palau']]"
                + "//a[@class='task-link']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Screen proposal");
        assertThat(browser.text(By.cssSelector(".case-summary"))).contains("LED fishing lights for Palau", "Palau");

        // a decision without the required reasons: refused, the error next to the field, the choice kept
        browser.find(By.cssSelector("input[name=screeningDecision][value=ACCEPT]")).click();
        browser.clickToNextPage(By.cssSelector("#task-form button[type=submit]"));
        assertThat(browser.text(By.id("screeningComments-error"))).isEqualTo("Please fill this in.");
        assertThat(browser.find(By.cssSelector("input[name=screeningDecision][value=ACCEPT]")).isSelected()).isTrue();
        browser.screenshot("task-with-error");
        assertThat(driver.stage(caseId)).isEqualTo("FEASIBILITY_STUDY");

        browser.type(By.id("screeningComments"),
                (String) ValidSubmissions.of("Task_ScreenProposal").get("screeningComments"));
        browser.clickToNextPage(By.cssSelector("#task-form button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/tasks");
        assertThat(browser.text(By.cssSelector(".flash.notice")))
                .contains("Screen proposal", "LED fishing lights for Palau");

        browser.go("/cases/" + caseId);
        String history = browser.text(By.id("history"));
        // people by their names, not their user names
        assertThat(history).contains("Proposal submitted", "Ken Tanaka", "Screen proposal", "Makoto Sato", "Accepted");
        assertThat(browser.text(By.cssSelector(".open-tasks"))).contains("Carry out study and submit report");
        browser.screenshot("case-history");
    }

    @Test
    void aProponentUploadsAReportOnTheCasePageAndEveryoneOnTheCaseCanDownloadIt() throws Exception {
        String caseId = driver.openCase(PROPONENT, "BEMS for hotels in Viet Nam");
        browser.logIn(PROPONENT);
        browser.go("/cases/" + caseId);
        assertThat(browser.text(By.id("documents"))).contains("No documents yet.", "at most 1 MB");
        assertThat(browser.text(By.cssSelector(".case-fields"))).contains("Nihon EcoTech Co., Ltd.");

        // a file of a type the programme does not take: refused on the page, nothing stored
        upload(file("notes.txt", "Minutes of the kick-off meeting".getBytes(StandardCharsets.UTF_8)));
        assertThat(browser.text(By.id("document-file-error"))).isEqualTo("Files of this kind (plain text) are not "
                + "accepted; nothing was uploaded. Please upload a PDF, an office document or an image.");
        assertThat(browser.path()).isEqualTo("/cases/" + caseId + "#documents");
        assertThat(browser.findAll(By.id("document-list"))).isEmpty();

        // over the limit: the page's script says so before anything is sent ...
        Path tooLarge = file("site-photos.pdf", Arrays.copyOf(PDF, 1024 * 1024 + 1));
        browser.find(By.id("document-file")).sendKeys(tooLarge.toAbsolutePath().toString());
        browser.find(By.cssSelector("#document-upload button[type=submit]")).click();
        assertThat(browser.text(By.id("document-file-error")))
                .isEqualTo("The file is larger than the limit of 1 MB; nothing was uploaded.");
        browser.screenshot("document-too-large");
        // ... and without the script the server says the same, over its own limit and over the container's (2 MB)
        browser.script("arguments[0].removeAttribute('data-max-bytes')", browser.find(By.id("document-file")));
        upload(tooLarge);
        assertThat(browser.text(By.id("document-file-error")))
                .isEqualTo("The file is larger than the limit of 1 MB; nothing was uploaded.");
        browser.script("arguments[0].removeAttribute('data-max-bytes')", browser.find(By.id("document-file")));
        upload(file("site-video.pdf", Arrays.copyOf(PDF, 3 * 1024 * 1024)));
        assertThat(browser.text(By.id("document-file-error")))
                .isEqualTo("The file is larger than the limit of 1 MB; nothing was uploaded.");
        assertThat(browser.findAll(By.id("document-list"))).isEmpty();
        assertThat(driver.caseFile(caseId).path("documents")).isEmpty();

        upload(file("feasibility-report.pdf", PDF));
        assertThat(browser.text(By.cssSelector(".flash.notice")))
                .isEqualTo("“feasibility-report.pdf” has been added to the case’s documents.");
        assertThat(browser.findAll(By.id("document-file-error")).get(0).isDisplayed()).isFalse();
        String documents = browser.text(By.id("document-list"));
        assertThat(documents).contains("feasibility-report.pdf", "PDF", PDF.length + " B", "Ken Tanaka");
        assertThat(browser.text(By.id("history"))).contains("Proposal submitted", "Document uploaded",
                "feasibility-report.pdf");
        browser.screenshot("case-with-document");

        String link = browser.find(By.linkText("feasibility-report.pdf")).getDomAttribute("href");
        HttpResponse<byte[]> download = browser.download(link);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("feasibility-report.pdf");

        // the programme manager sees it too; a proponent of another organisation does not even see the case
        browser.clickToNextPage(By.cssSelector("form.logout button"));
        browser.logIn(PROGRAM_MANAGER);
        browser.go("/cases/" + caseId);
        assertThat(browser.text(By.id("document-list"))).contains("feasibility-report.pdf");
        assertThat(browser.download(link).body()).isEqualTo(PDF);
        browser.clickToNextPage(By.cssSelector("form.logout button"));
        browser.logIn(OTHER_PROPONENT);
        assertThat(browser.download(link).statusCode()).isEqualTo(404);
    }

    @Test
    void theCaseListSortsByTheColumnClickedAndKeepsTheFilter() {
        for (String title : List.of("Micro-hydro for herders", "Anaerobic digestion at dairies",
                "Zero-emission ger heating")) {
            Map<String, Object> body = CaseDriver.newCase(title);
            body.put("partnerCountry", "MN");
            body.put("fiscalYear", 2012);
            driver.openCase(PROPONENT, body);
        }
        browser.logIn(PROGRAM_MANAGER);
        browser.go("/cases?fiscalYear=2012");
        assertThat(titles()).containsExactly("Zero-emission ger heating", "Anaerobic digestion at dairies",
                "Micro-hydro for herders");

        browser.clickToNextPage(By.linkText("Title"));
        assertThat(titles()).containsExactly("Anaerobic digestion at dairies", "Micro-hydro for herders",
                "Zero-emission ger heating");
        assertThat(browser.path()).contains("fiscalYear=2012").contains("sort=title");
        assertThat(browser.find(By.xpath("//th[a[text()='Title']]")).getDomAttribute("aria-sort"))
                .isEqualTo("ascending");

        browser.clickToNextPage(By.linkText("Title"));
        assertThat(titles()).containsExactly("Zero-emission ger heating", "Micro-hydro for herders",
                "Anaerobic digestion at dairies");

        // filtering again keeps the order
        new Select(browser.find(By.name("partnerCountry"))).selectByVisibleText("Mongolia");
        browser.clickToNextPage(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.path()).contains("partnerCountry=MN").contains("sort=title%2Cdesc");
        assertThat(titles()).containsExactly("Zero-emission ger heating", "Micro-hydro for herders",
                "Anaerobic digestion at dairies");
        assertThat(browser.text(By.id("case-list"))).contains("Mongolia", "Nihon EcoTech Co., Ltd.");
        browser.screenshot("case-list-sorted");
    }

    @Test
    void errorPagesOutsideThePagesKeepTheHeader() {
        browser.logIn(PROPONENT);
        browser.go("/no/such/page?from=mail");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not found");
        assertThat(browser.text(By.cssSelector(".nav"))).contains("My tasks", "Cases", "New proposal");
        assertThat(browser.text(By.cssSelector(".user"))).contains("Ken Tanaka", "Proponent", "Nihon EcoTech Co., Ltd.");
        browser.clickToNextPage(By.linkText("日本語"));
        assertThat(browser.path()).isEqualTo("/no/such/page?from=mail&lang=ja");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("見つかりません");
        assertThat(browser.text(By.cssSelector(".user"))).contains("日本エコテック株式会社");
        browser.screenshot("not-found-in-japanese");

        // the Camunda webapps are for operators: the refusal comes from the security filters, not a page
        browser.go("/camunda/app/cockpit/default/");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("許可されていません");
        assertThat(browser.text(By.cssSelector(".nav"))).contains("マイタスク");
        browser.clickToNextPage(By.cssSelector("form.logout button"));
        browser.waitFor(By.id("username"));
    }

    @Test
    void switchingToJapaneseShowsJapaneseLabelsAndTheChoiceIsKept() {
        String caseId = driver.openCase(PROPONENT, "Hospital air-conditioning in Viet Nam");
        browser.logIn(PROGRAM_MANAGER);
        assertThat(browser.text(By.cssSelector(".nav"))).contains("My tasks", "Cases");

        browser.clickToNextPage(By.linkText("日本語"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("マイタスク");
        assertThat(browser.text(By.cssSelector(".nav"))).contains("マイタスク", "案件一覧");
        assertThat(browser.text(By.cssSelector(".user"))).contains("プログラムマネージャー");

        browser.go("/cases/" + caseId);
        assertThat(browser.text(By.cssSelector(".case-fields"))).contains("ベトナム", "実現可能性調査", "2016年度");
        assertThat(browser.text(By.id("history"))).contains("提案の提出");
        browser.clickToNextPage(By.cssSelector(".open-tasks a"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("提案の審査");
        assertThat(browser.text(By.id("task-form"))).contains("審査結果", "採択：調査を開始できる", "審査の理由");
        browser.clickToNextPage(By.cssSelector("#task-form button[type=submit]"));
        assertThat(browser.text(By.id("screeningDecision-error"))).isEqualTo("選択してください。");
        browser.screenshot("task-in-japanese");

        browser.clickToNextPage(By.linkText("English"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Screen proposal");
    }

    private List<String> titles() {
        return browser.findAll(By.cssSelector("#case-list tbody td:first-child a")).stream()
                .map(WebElement::getText).toList();
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(name), content);
    }

    /** Chooses the file and submits the upload form, which the server answers with the case page. */
    private void upload(Path file) {
        browser.find(By.id("document-file")).sendKeys(file.toAbsolutePath().toString());
        browser.clickToNextPage(By.cssSelector("#document-upload button[type=submit]"));
    }

    @Test
    void onAPhoneEveryPageFitsTheScreenAndOperatorsGetTheCamundaLinks() {
        String caseId = driver.openCase(PROPONENT, "Energy-saving data centre in Indonesia");
        assertThat(driver.as(PROPONENT).upload("/api/cases/" + caseId + "/documents",
                "energy-saving-data-centre-feasibility-study-final-report-with-annexes.pdf", "application/pdf", PDF)
                .status()).isEqualTo(201);
        browser.resize(390, 844);
        browser.logIn(PROGRAM_MANAGER);
        assertThat(browser.findAll(By.linkText("Camunda Cockpit"))).isEmpty();
        assertThat(browser.text(By.id("task-list"))).contains("Energy-saving data centre in Indonesia");
        assertThat(browser.outsideTheWindow()).isEmpty();
        browser.screenshot("inbox-on-a-phone");

        browser.clickToNextPage(By.xpath("//table[@id='task-list']//tr[td/a[text()='Energy-saving data centre in Indonesia']]"
                + "//a[@class='task-link']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Screen proposal");
        assertThat(browser.outsideTheWindow()).isEmpty();
        browser.screenshot("task-on-a-phone");

        browser.go("/cases");
        // the sort links stay on a phone, above the cases
        assertThat(browser.find(By.linkText("Title")).isDisplayed()).isTrue();
        assertThat(browser.outsideTheWindow()).isEmpty();
        browser.screenshot("cases-on-a-phone");

        browser.go("/cases/" + caseId);
        assertThat(browser.text(By.id("document-list")))
                .contains("energy-saving-data-centre-feasibility-study-final-report-with-annexes.pdf");
        assertThat(browser.find(By.id("document-file")).isDisplayed()).isTrue();
        assertThat(browser.outsideTheWindow()).isEmpty();
        browser.screenshot("case-on-a-phone");
        browser.clickToNextPage(By.cssSelector("form.logout button"));

        browser.logIn(ADMIN);
        assertThat(browser.find(By.linkText("Camunda Cockpit")).getDomAttribute("href"))
                .isEqualTo("/camunda/app/cockpit/default/");
        assertThat(browser.findAll(By.linkText("New proposal"))).isEmpty();
    }
}
