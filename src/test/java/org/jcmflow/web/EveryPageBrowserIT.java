package org.jcmflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jcmflow.testsupport.Browser;
import org.jcmflow.testsupport.DemoApplication;
import org.jcmflow.testsupport.RunsBesideTheOthers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Every page of the portal, in Japanese and in English, on a laptop (1,440 px) and on a phone (390 px), on the
 * demonstration data set, so that the pages hold the programme's real lengths of names and numbers. Each page is
 * checked by the axe-core accessibility engine (no serious or critical violation of WCAG 2.1 AA), its tables
 * are read for text that overflows its cell or breaks inside a word, and it is saved under
 * target/screenshots/pages/ for a person to look at. The application is DemoDataIT's, a process of its own with
 * the data set loaded once for both.
 */
@RunsBesideTheOthers
@Order(RunsBesideTheOthers.EVERY_PAGE)
@ExtendWith(DemoApplication.Shared.class)
@ResourceLock(value = DemoApplication.LOCK, mode = ResourceAccessMode.READ)
class EveryPageBrowserIT {

    private static final int LAPTOP = 1440;
    private static final int PHONE = 390;

    private final int port;

    private Browser browser;
    /** What each page got wrong, by page: collected over all pages, so that one run names every fault. */
    private final Map<String, List<String>> faults = new ConcurrentSkipListMap<>();

    EveryPageBrowserIT(DemoApplication application) {
        this.port = application.port();
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
    void everyPageReadsRightIsAccessibleAndHoldsOnAPhoneInBothLanguages() throws Exception {
        // each language on a browser of its own, side by side: the pages only read, so the two tours are independent,
        // and the second core does the other language's half of the work
        ExecutorService beside = Executors.newSingleThreadExecutor();
        try {
            Future<?> japanese = beside.submit(() -> {
                Browser japaneseBrowser = Browser.openInJapanese(port);
                try {
                    tour(japaneseBrowser, "ja");
                } finally {
                    japaneseBrowser.close();
                }
            });
            tour(browser, "en");
            japanese.get();
        } finally {
            beside.shutdownNow();
        }

        assertThat(faults).isEmpty();
    }

    /** Every page, as the programme manager, a proponent and a committee member see it, in one language. */
    private void tour(Browser browser, String language) {
        boolean english = language.equals("en");
        check(browser, language, "login", "/login");

        browser.logIn(PROGRAM_MANAGER);
        check(browser, language, "inbox", "/tasks");
        assertCurrentInTheNavigation(browser, "/tasks", "page");
        check(browser, language, "task-screening", firstLink(browser, "/tasks", "a.task-link"));
        check(browser, language, "cases", "/cases");
        assertCurrentInTheNavigation(browser, "/cases", "page");
        check(browser, language, "case-demonstration",
                firstLink(browser, "/cases?stage=DEMONSTRATION", "#case-list tbody a"));
        assertCurrentInTheNavigation(browser, "/cases", "true");
        if (english) {
            // the history reads as the forms did: their labels, people by name, figures formatted, decisions in words
            // with each step's values, which the page folds away under "Values entered"
            String history = (String) browser.script("return document.getElementById('history').textContent");
            assertThat(history).contains("Makoto Sato", "Committee members", "Technical effectiveness",
                            "Estimated GHG reduction (t-CO2/year)", "MRV approach")
                    .doesNotContain("Score ghg reduction", "Mrv approach", "APPROPRIATE")
                    .doesNotContainPattern("\\b(sato|kobayashi|tanaka)\\b").doesNotContainPattern("\\d\\.0\\b");
        }
        check(browser, language, "case-completed", firstLink(browser, "/cases?stage=COMPLETED", "#case-list tbody a"));
        check(browser, language, "dashboard", "/dashboard");
        assertCurrentInTheNavigation(browser, "/dashboard", "page");
        // the overdue figure leads to the tasks it counts, listed with their cases
        assertThat(browser.find(By.cssSelector("#kpi-overdue a")).getDomAttribute("href")).isEqualTo("/tasks/overdue");
        check(browser, language, "overdue-tasks", "/tasks/overdue");
        assertThat(browser.findAll(By.cssSelector("#overdue-list tbody tr"))).isNotEmpty();
        check(browser, language, "dashboard-fy2017", "/dashboard?fiscalYear=2017");
        check(browser, language, "ledger", "/dashboard/ledger");
        check(browser, language, "contracts", "/contracts");
        assertCurrentInTheNavigation(browser, "/contracts", "page");
        check(browser, language, "not-found", "/no/such/page");
        logOut(browser);

        browser.logIn(PROPONENT);
        check(browser, language, "new-proposal", "/cases/new");
        assertCurrentInTheNavigation(browser, "/cases/new", "page");
        assertThat(browser.findAll(By.cssSelector(".nav a[href='/cases'][aria-current]"))).isEmpty();
        check(browser, language, "task-proponent", firstLink(browser, "/tasks", "a.task-link"));
        logOut(browser);

        browser.logIn(COMMITTEE_MEMBER);
        check(browser, language, "inbox-committee", "/tasks");
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

    /** The page in the language at both widths: checked, and saved as {name}-{language}-{width}.png. */
    private void check(Browser browser, String language, String name, String path) {
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
                cardValuesWithoutTheirLabel(browser).forEach(value -> found.add("a card's value without its label: " + value));
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
        browser.resize(LAPTOP, 900);
    }

    /**
     * A table shown as cards, one per row: each value needs its label; a cell of buttons names itself. Read in one
     * script, since a round trip to the browser per cell makes a long table slow to check.
     */
    @SuppressWarnings("unchecked")
    private static List<String> cardValuesWithoutTheirLabel(Browser browser) {
        return (List<String>) browser.script("""
                var values = [];
                document.querySelectorAll('table.list td:not([data-label]):not([colspan])').forEach(function (cell) {
                  var shown = cell.getClientRects().length > 0 && getComputedStyle(cell).visibility !== 'hidden';
                  var text = cell.innerText.trim();
                  if (shown && getComputedStyle(cell).display === 'block' && text !== ''
                      && cell.querySelector('button') === null) {
                    values.push(text);
                  }
                });
                return values;""");
    }

    /** The navigation marks its link to this page, or to the part of the portal it is in, for screen readers. */
    private static void assertCurrentInTheNavigation(Browser browser, String href, String current) {
        assertThat(browser.find(By.cssSelector(".nav a[href='" + href + "']")).getDomAttribute("aria-current"))
                .isEqualTo(current);
        assertThat(browser.findAll(By.cssSelector(".nav a[aria-current]"))).hasSize(1);
    }

    /** The address of the first link a list page shows, e.g. the first case of a stage. */
    private static String firstLink(Browser browser, String listPath, String linkSelector) {
        browser.go(listPath);
        String href = browser.find(By.cssSelector(linkSelector)).getDomAttribute("href");
        return href.replaceAll("[?&]lang=[a-z]+", "");
    }

    private static void logOut(Browser browser) {
        browser.clickToNextPage(By.cssSelector("form.logout button"));
        browser.waitFor(By.id("username"));
    }
}
