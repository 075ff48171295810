package org.jcmflow.dashboard;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/**
 * A fiscal year's budget in million JPY, and what of it went back to the treasury (as 2,500 did after the 2011
 * earthquake). The limits keep the amounts within what the table holds.
 */
record BudgetEntry(
        @NotNull @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 1) BigDecimal budgetMillionJpy,
        @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 1) BigDecimal returnedMillionJpy) {

    BigDecimal returnedOrNone() {
        return returnedMillionJpy == null ? BigDecimal.ZERO : returnedMillionJpy;
    }
}
