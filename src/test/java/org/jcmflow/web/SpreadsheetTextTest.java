package org.jcmflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://attacker.example\",\"x\")", "+1+1", "-2+3", "@SUM(1+1)",
            "\t=1+1", "\r=1+1", "=", "-"})
    void textThatASpreadsheetWouldRunGetsAQuoteInFront(String text) {
        assertThat(SpreadsheetText.inert(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LED fishing lights", "1250.5", "2016-04-01T00:00:00Z", "VN", "省エネ型冷凍機",
            "a=b", "'=already quoted", ""})
    void otherTextIsLeftAsItIs(String text) {
        assertThat(SpreadsheetText.inert(text)).isEqualTo(text);
    }

    @Test
    void nothingStaysNothing() {
        assertThat(SpreadsheetText.inert(null)).isNull();
    }
}
