package org.jcmflow.contracts;

import java.math.BigDecimal;

/**
 * What the accounts settled under a contract in a fiscal year (million JPY): executed, carried over to the next
 * fiscal year, and returned by the contractor. Carried over and returned may be left out: none.
 */
public record SpendingEntry(BigDecimal executedMillionJpy, BigDecimal carriedOverMillionJpy,
                            BigDecimal returnedMillionJpy) {

    BigDecimal carriedOverOrNone() {
        return carriedOverMillionJpy == null ? BigDecimal.ZERO : carriedOverMillionJpy;
    }

    BigDecimal returnedOrNone() {
        return returnedMillionJpy == null ? BigDecimal.ZERO : returnedMillionJpy;
    }
}
