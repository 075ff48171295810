package org.jcmflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The browser tests' checks of a page find the faults they look for, and pass a page without them. */
class BrowserChecksTest {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(0);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theAccessibilityCheckFindsAFieldWithoutALabelAndPassesOneWithIt() {
        browser.show("<!DOCTYPE html><html lang='en'><head><title>Form</title></head><body><main><h1>Form</h1>"
                + "<form><input type='text' name='amount'></form></main></body></html>");
        assertThat(browser.accessibilityViolations()).anySatisfy(violation -> assertThat(violation)
                .startsWith("critical label"));

        browser.show("<!DOCTYPE html><html lang='en'><head><title>Form</title></head><body><main><h1>Form</h1>"
                + "<form><label for='amount'>Amount</label><input type='text' id='amount' name='amount'></form>"
                + "</main></body></html>");
        assertThat(browser.accessibilityViolations()).isEmpty();
    }

    @Test
    void theTableCheckFindsAJapaneseWordBrokenAcrossLinesAndTextWiderThanItsCell() {
        browser.show("<!DOCTYPE html><html lang='ja'><head><title>表</title></head><body><table>"
                + "<tr><td style='width: 2.5em; font-size: 16px'>実現可能性調査</td></tr></table>"
                + "<table style='table-layout: fixed; width: 4em'>"
                + "<tr><td style='white-space: nowrap; overflow: hidden'>2017年度の実証事業</td></tr></table></body></html>");
        assertThat(browser.unreadableTableCells()).anySatisfy(cell -> assertThat(cell).contains("broken in: 実現可能性調査"))
                .anySatisfy(cell -> assertThat(cell).startsWith("wider than its cell: 2017年度"));

        browser.show("<!DOCTYPE html><html lang='ja'><head><title>表</title></head><body><table>"
                + "<tr><td style='white-space: nowrap'>実現可能性調査</td></tr></table></body></html>");
        assertThat(browser.unreadableTableCells()).isEmpty();
    }
}
