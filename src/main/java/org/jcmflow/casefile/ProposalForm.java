package org.jcmflow.casefile;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.jcmflow.web.PageMessages;

/**
 * The new-proposal page's form as the browser sends it: text, kept as typed so that the page shows it again
 * next to the errors. {@link #toNewCase} reads it into the API's request, the one the service validates.
 */
record ProposalForm(String title, String partnerCountry, String technology, String estimatedReductionTco2PerYear,
                    String budgetMillionJpy, String fiscalYear, String callId) {

    static ProposalForm empty() {
        return new ProposalForm("", "", "", "", "", "", "");
    }

    /**
     * @param notANumber told the name of each number field whose text is no number; that field is then null,
     *                   and so also refused as missing by the request's validation
     */
    NewCase toNewCase(BiConsumer<String, String> notANumber) {
        return new NewCase(title, partnerCountry, technology,
                number("estimatedReductionTco2PerYear", estimatedReductionTco2PerYear, notANumber),
                number("budgetMillionJpy", budgetMillionJpy, notANumber),
                year(notANumber), call(notANumber));
    }

    /** Chosen from the open calls, so only a forged request has anything but a call's id. */
    private UUID call(BiConsumer<String, String> notACall) {
        if (callId == null || callId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(callId.strip());
        } catch (IllegalArgumentException e) {
            notACall.accept("callId", callId);
            return null;
        }
    }

    /**
     * Chosen from a list of whole years, so only a forged request has anything else: a fraction, or a number
     * beyond any year (which intValue() would wrap into a valid one, and expand digit by digit first).
     */
    private Integer year(BiConsumer<String, String> notANumber) {
        BigDecimal year = number("fiscalYear", fiscalYear, notANumber);
        if (year == null) {
            return null;
        }
        try {
            return year.intValueExact();
        } catch (ArithmeticException notAYear) {
            notANumber.accept("fiscalYear", fiscalYear);
            return null;
        }
    }

    private static BigDecimal number(String field, String text, BiConsumer<String, String> notANumber) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PageMessages.readNumber(text);
        } catch (NumberFormatException e) {
            notANumber.accept(field, text);
            return null;
        }
    }
}
