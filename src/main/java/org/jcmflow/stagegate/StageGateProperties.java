package org.jcmflow.stagegate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the committee works.
 *
 * @param quorum           valid evaluations (no conflict declared) needed for a recommendation
 * @param evaluationPeriod how long members have to evaluate after being convened
 * @param extensionPeriod  the one extension given when fewer than a quorum have evaluated by the deadline
 * @param fromFiscalYear   the first fiscal year whose cases pass the gate: it was introduced in FY2014, and the
 *                         demonstrations decided before went ahead without it
 */
@ConfigurationProperties("jcm.stage-gate")
record StageGateProperties(int quorum, Duration evaluationPeriod, Duration extensionPeriod, Integer fromFiscalYear) {

    static final int INTRODUCED_IN = 2014;

    StageGateProperties {
        if (fromFiscalYear == null) {
            fromFiscalYear = INTRODUCED_IN;
        }
        if (quorum < 1) {
            throw new IllegalStateException("jcm.stage-gate.quorum must be at least 1, not " + quorum);
        }
        if (evaluationPeriod == null || evaluationPeriod.isNegative() || evaluationPeriod.isZero()
                || extensionPeriod == null || extensionPeriod.isNegative() || extensionPeriod.isZero()) {
            throw new IllegalStateException("jcm.stage-gate.evaluation-period and extension-period must be positive "
                    + "ISO 8601 durations such as P14D");
        }
    }
}
