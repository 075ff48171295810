package org.jcmflow.casefile;

import java.math.BigDecimal;
import java.util.function.BiConsumer;

/**
 * The new-proposal page's form as the browser sends it: text, kept as typed so that the page shows it again
 * next to the errors. {@link #toNewCase} reads it into the API's request, the one the service validates.
 */
record ProposalForm(String title, String partnerCountry, String technology, String estimatedReductionTco2PerYear,
                    String budgetMillionJpy, String fiscalYear) {

    static ProposalForm empty() {
        return new ProposalForm("", "", "", "", "", "");
    }

    /**
     * @param notANumber told the name of each number field whose text is no number; that field is then null,
     *                   and so also refused as missing by the request's validation
     */
    NewCase toNewCase(BiConsumer<String, String> notANumber) {
        // chosen from a list of whole years, so only a forged request has a fraction to drop
        BigDecimal year = number("fiscalYear", fiscalYear, notANumber);
        return new NewCase(title, partnerCountry, technology,
                number("estimatedReductionTco2PerYear", estimatedReductionTco2PerYear, notANumber),
                number("budgetMillionJpy", budgetMillionJpy, notANumber),
                year == null ? null : year.intValue());
    }

    private static BigDecimal number(String field, String text, BiConsumer<String, String> notANumber) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            notANumber.accept(field, text);
            return null;
        }
    }
}
