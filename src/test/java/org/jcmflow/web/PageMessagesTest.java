package org.jcmflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers as people type them into the pages' fields, in English or with a Japanese input method. */
class PageMessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1200|1200", "1,200|1200", "１２００|1200", "１，２００|1200", "１、２００|1200", "１２０．５|120.5",
            "　８３０．５　|830.5", "－５|-5", "2,277.0|2277.0", "0.5|0.5"})
    void readsTheNumber(String typed, String number) {
        assertThat(PageMessages.readNumber(typed)).isEqualByComparingTo(new BigDecimal(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"about 800", "1,2,0,0", "12,00", "１２００円", ",", "", "1.2.3", "٣"})
    void refusesWhatIsNoNumber(String typed) {
        assertThatThrownBy(() -> PageMessages.readNumber(typed)).isInstanceOf(NumberFormatException.class);
    }
}
