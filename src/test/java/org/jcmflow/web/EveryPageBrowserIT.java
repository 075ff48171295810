package org.jcmflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Every page of the portal, in Japanese and in English, on a laptop (1,440 px) and on a phone (390 px), on the
 * demonstration data set, so that the pages hold the programme's real lengths of names and numbers. Each page is
 * checked by the axe-core accessibility engine (no serious or critical violation of WCAG 2.1 AA), its tables
 * are read for text that overflows its cell or breaks inside a word, and it is saved under
 * target/screenshots/pages/ for a person to look at.
 */
@ApplicationTest
@TestPropertySource(properties = {"jcm.demo-data=load", "spring.application.name=jcm-flow-every-page-test"})
// Near the end of the run: closing this context takes Camunda's engine "default" out of the engine's static registry,
// and Tasklist answers 500 to the tests that come after it in the same JVM.
@DirtiesContext
@Order(Integer.MAX_VALUE - 1)
class EveryPageBrowserIT {

    private static final int LAPTOP = 1440;
    private static final int PHONE = 390;

    @LocalServerPort
    int port;

    private Browser browser;
    /** What each page got wrong, by page: collected over all pages, so that one run names every fault. */
    private final Map<String, List<String>> faults = new LinkedHashMap<>();

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void everyPageReadsRightIsAccessibleAndHoldsOnAPhoneInBothLanguages() {
        check("login", "/login");

        browser.logIn(PROGRAM_MANAGER);
        check("inbox", "/tasks");
        assertCurrentInTheNavigation("/tasks", "page");
        check("task-screening", firstLink("/tasks", "a.task-link"));
        check("cases", "/cases");
        assertCurrentInTheNavigation("/cases", "page");
        check("case-demonstration", firstLink("/cases?stage=DEMONSTRATION", "#case-list tbody a"));
        assertCurrentInTheNavigation("/cases", "true");
        // the history reads as the forms did: their labels, people by name, figures formatted, decisions in words
        // with each step's values, which the page folds away under "Values entered"
        String history = (String) browser.script("return document.getElementById('history').textContent");
        assertThat(history).contains("Makoto Sato", "Committee members", "Technical effectiveness",
                        "Estimated GHG reduction (t-CO2/year)", "MRV approach")
                .doesNotContain("Score ghg reduction", "Mrv approach", "APPROPRIATE")
                .doesNotContainPattern("\\b(sato|kobayashi|tanaka)\\b").doesNotContainPattern("\\d\\.0\\b");
        check("case-completed", firstLink("/cases?stage=COMPLETED", "#case-list tbody a"));
        check("dashboard", "/dashboard");
        assertCurrentInTheNavigation("/dashboard", "page");
        // the overdue figure leads to the tasks it counts, listed with their cases
        assertThat(browser.find(By.cssSelector("#kpi-overdue a")).getDomAttribute("href")).isEqualTo("/tasks/overdue");
        check("overdue-tasks", "/tasks/overdue");
        assertThat(browser.findAll(By.cssSelector("#overdue-list tbody tr"))).isNotEmpty();
        check("dashboard-fy2017", "/dashboard?fiscalYear=2017");
        check("ledger", "/dashboard/ledger");
        check("contracts", "/contracts");
        assertCurrentInTheNavigation("/contracts", "page");
        check("not-found", "/no/such/page");
        logOut();

        browser.logIn(PROPONENT);
        check("new-proposal", "/cases/new");
        assertCurrentInTheNavigation("/cases/new", "page");
        assertThat(browser.findAll(By.cssSelector(".nav a[href='/cases'][aria-current]"))).isEmpty();
        check("task-proponent", firstLink("/tasks", "a.task-link"));
        logOut();

        browser.logIn(COMMITTEE_MEMBER);
        check("inbox-committee", "/tasks");

        assertThat(faults).isEmpty();
    }

    @Test
    void aProponentProposesWithTheKeyboardAloneTypingFiguresWithAJapaneseInputMethod() {
        browser.logIn(PROPONENT);
        browser.go("/cases/new?lang=ja");
        // the first stop: the skip link, which leads past the header to the form
        browser.press(Keys.TAB);
        assertThat(browser.focused()).isEqualTo("a 本文へ移動");
        browser.press(Keys.ENTER);
        browser.press(Keys.TAB);
        assertThat(browser.focused()).isEqualTo("#title");
        browser.press("小水力発電（キーボード）");
        browser.press(Keys.TAB);
        assertThat(browser.focused()).isEqualTo("#partnerCountry");
        browser.press(Keys.ARROW_DOWN);
        browser.press(Keys.TAB);
        browser.press("山間部の小水力発電");
        browser.press(Keys.TAB);
        browser.press("１，２００");
        browser.press(Keys.TAB);
        browser.press("１２０．５");
        browser.press(Keys.TAB);
        assertThat(browser.focused()).isEqualTo("#fiscalYear");
        browser.press(Keys.ARROW_DOWN);
        browser.press(Keys.TAB);
        // no call is open on the demonstration data: the proposal comes in without one
        assertThat(browser.focused()).isEqualTo("#callId");
        browser.press(Keys.TAB);
        browser.pressToNextPage(Keys.ENTER);

        assertThat(browser.path()).startsWith("/cases/");
        assertThat(browser.text(By.cssSelector(".case-fields"))).contains("小水力発電（キーボード）", "1,200 t-CO2/年",
                "120.5 百万円");
    }

    /** The page in both languages and at both widths: checked, and saved as {name}-{language}-{width}.png. */
    private void check(String name, String path) {
        for (String language : List.of("ja", "en")) {
            browser.go(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
            for (int width : List.of(LAPTOP, PHONE)) {
                browser.resize(width, 900);
                String page = name + "-" + language + "-" + width;
                List<String> found = new ArrayList<>();
                browser.accessibilityViolations().forEach(violation -> found.add("accessibility: " + violation));
                browser.unreadableTableCells().forEach(cell -> found.add("table: " + cell));
                browser.outsideTheWindow().forEach(element -> found.add("beyond the window: " + element));
                if (browser.findAll(By.cssSelector("a.skip-link[href='#main-content']")).isEmpty()
                        || browser.findAll(By.id("main-content")).isEmpty()) {
                    found.add("no skip link to the content");
                }
                if (width == PHONE) {
                    // a table shown as cards, one per row: each value needs its label; a cell of buttons names itself
                    browser.findAll(By.cssSelector("table.list td:not([data-label]):not([colspan])")).stream()
                            .filter(cell -> cell.isDisplayed() && "block".equals(cell.getCssValue("display"))
                                    && !cell.getText().isBlank() && cell.findElements(By.tagName("button")).isEmpty())
                            .forEach(cell -> found.add("a card's value without its label: " + cell.getText()));
                }
                if (width == PHONE) {
                    long header = ((Number) browser.script(
                            "return document.querySelector('.topbar').getBoundingClientRect().height")).longValue();
                    if (header > 100) {
                        found.add("the header takes " + header + " px of the phone's screen");
                    }
                }
                if (!found.isEmpty()) {
                    faults.put(page, found);
                }
                browser.screenshot("pages/" + page);
            }
        }
        browser.resize(LAPTOP, 900);
    }

    /** The navigation marks its link to this page, or to the part of the portal it is in, for screen readers. */
    private void assertCurrentInTheNavigation(String href, String current) {
        assertThat(browser.find(By.cssSelector(".nav a[href='" + href + "']")).getDomAttribute("aria-current"))
                .isEqualTo(current);
        assertThat(browser.findAll(By.cssSelector(".nav a[aria-current]"))).hasSize(1);
    }

    /** The address of the first link a list page shows, e.g. the first case of a stage. */
    private String firstLink(String listPath, String linkSelector) {
        browser.go(listPath);
        String href = browser.find(By.cssSelector(linkSelector)).getDomAttribute("href");
        return href.replaceAll("[?&]lang=[a-z]+", "");
    }

    private void logOut() {
        browser.clickToNextPage(By.cssSelector("form.logout button"));
        browser.waitFor(By.id("username"));
    }
}
