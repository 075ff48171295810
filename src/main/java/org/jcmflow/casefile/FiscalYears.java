package org.jcmflow.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/** Japanese fiscal years run April to March; the programme's start in FY2011 is the earliest valid one. */
public final class FiscalYears {

    public static final int FIRST = 2011;

    private FiscalYears() {
    }

    public static int of(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    public static int current(Clock clock) {
        return of(LocalDate.now(clock));
    }

    /** Every fiscal year a case may be filed under, the latest first, as the pages offer them. */
    public static List<Integer> valid(Clock clock) {
        return IntStream.iterate(lastValid(clock), year -> year >= FIRST, year -> year - 1).boxed().toList();
    }

    /** The latest fiscal year a case may be filed under: the one after the current. */
    public static int lastValid(Clock clock) {
        return current(clock) + 1;
    }
}
