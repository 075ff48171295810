package org.jcmflow.dashboard;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the cases of one {@link CaseGroup} add to the dashboard's figures, as counted by {@link DashboardQueries}:
 * counts and sums that add up across groups, and the stage periods themselves, whose medians do not (they are taken
 * over the periods of all the groups asked for, when the figures are summed).
 */
final class GroupFigures {

    /** Cases by their main stage, and by the stage of their JCM track. */
    final Map<String, Long> byStage = new HashMap<>();
    final Map<String, Long> byJcmTrackStage = new HashMap<>();
    long cases;

    /** Approved methodologies drafted by the group's cases, by the fiscal year of the decision (null: no date). */
    final Map<Integer, Long> approvalsByFiscalYear = new HashMap<>();

    /** The work running in each fiscal year: studies and surveys, demonstrations, counted without a contract. */
    final Map<Integer, long[]> activityByFiscalYear = new HashMap<>();

    /** Studies reviewed, and those of them that went on to a NEDO stage, a JCM project, any next stage. */
    final long[] conversion = new long[4];
    BigDecimal estimatedTco2PerYear = BigDecimal.ZERO;
    BigDecimal atEndTco2PerYear = BigDecimal.ZERO;
    BigDecimal followUpTco2 = BigDecimal.ZERO;
    BigDecimal verifiedTco2 = BigDecimal.ZERO;

    /** The periods in each stage of a track ("MAIN/STUDY"), as their start and end (or none yet) in microseconds. */
    final Map<String, Periods> periods = new HashMap<>();

    /** Start and end times of a stage's periods; an end of {@link #OPEN} is a period not left yet. */
    static final class Periods {

        static final long OPEN = Long.MIN_VALUE;

        long[] entered = new long[8];
        long[] left = new long[8];
        int size;

        void add(long enteredMicros, long leftMicros) {
            if (size == entered.length) {
                entered = Arrays.copyOf(entered, size * 2);
                left = Arrays.copyOf(left, size * 2);
            }
            entered[size] = enteredMicros;
            left[size] = leftMicros;
            size++;
        }
    }

    static String trackStage(String track, String stage) {
        return track + '/' + stage;
    }
}
