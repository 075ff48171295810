package org.jcmflow.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the ledger derives from a fiscal year's budget: the budget after returns to the treasury (the ledger's
 * figure in brackets) and the share of it executed. Both unknown while no budget is entered for the year.
 */
record BudgetFigures(BigDecimal net, BigDecimal executionRate) {

    static BudgetFigures of(Dashboard.BudgetYear year) {
        if (year.budgetMillionJpy() == null) {
            return new BudgetFigures(null, null);
        }
        BigDecimal returned = year.returnedMillionJpy() == null ? BigDecimal.ZERO : year.returnedMillionJpy();
        BigDecimal net = year.budgetMillionJpy().subtract(returned);
        BigDecimal rate = net.signum() <= 0 || year.executedMillionJpy() == null ? null
                : year.executedMillionJpy().divide(net, 4, RoundingMode.HALF_UP);
        return new BudgetFigures(net, rate);
    }
}
