package org.jcmflow.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A programme manager opens a call for proposals on its page, in Japanese, after the page has told what was
 * missing; a proponent then finds it among the calls open on the proposal form. On the browser tests' application
 * (see PortalBrowserIT): the call is for a fiscal year to come, for which no other test files a proposal.
 */
@ApplicationTest
@TestPropertySource(properties = "spring.application.name=jcm-flow-browser-test")
class CallsBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void aProgrammeManagerOpensACallAfterARefusalAndAProponentProposesUnderIt() {
        String title = "次年度公募 " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        int nextFiscalYear = today.getYear() + 1;
        try (Browser sato = Browser.open(port)) {
            sato.logIn(PROGRAM_MANAGER).go("/calls?lang=ja");
            assertThat(sato.text(By.tagName("h1"))).isEqualTo("公募");
            sato.clickToNextPage(By.cssSelector("#open-form button[type=submit]"));
            assertThat(sato.text(By.cssSelector(".flash.alert"))).isEqualTo("記録されていません。印の付いた項目を確認してください。");
            assertThat(sato.text(By.id("open-title-error"))).isEqualTo("入力してください。");

            sato.type(By.id("open-title"), title);
            // typed with a Japanese keyboard: full-width digits
            sato.type(By.id("open-fiscalYear"), toFullWidth(String.valueOf(nextFiscalYear)));
            setDate(sato, "open-opensOn", today.minusDays(1).toString());
            setDate(sato, "open-closesOn", today.plusDays(30).toString());
            sato.find(By.cssSelector("#open-form input[name=kinds][value=FEASIBILITY_STUDY]")).click();
            sato.clickToNextPage(By.cssSelector("#open-form button[type=submit]"));
            assertThat(sato.text(By.cssSelector(".flash.notice"))).isEqualTo("公募「" + title + "」を開始しました。");
            assertThat(sato.path()).startsWith("/calls/");
            assertThat(sato.text(By.tagName("h1"))).contains(title);
            assertThat(sato.consoleErrors()).isEmpty();
        }
        try (Browser tanaka = Browser.open(port)) {
            tanaka.logIn(PROPONENT).go("/cases/new?lang=en");
            assertThat(tanaka.findAll(By.cssSelector("#callId option")).stream().map(WebElement::getText))
                    .contains(title + " (FY" + nextFiscalYear + ")");
        }
    }

    private static String toFullWidth(String digits) {
        StringBuilder wide = new StringBuilder();
        digits.chars().forEach(c -> wide.append((char) (c - '0' + '０')));
        return wide.toString();
    }

    private static void setDate(Browser browser, String id, String isoDate) {
        browser.script("document.getElementById(arguments[0]).value = arguments[1]", id, isoDate);
    }
}
