package org.jcmflow.stagegate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the committee works.
 *
 * @param quorum           valid evaluations (no conflict declared) needed for a recommendation
 * @param evaluationPeriod how long members have to evaluate after being convened
 * @param extensionPeriod  the one extension given when fewer than a quorum have evaluated by the deadline
 */
@ConfigurationProperties("jcm.stage-gate")
record StageGateProperties(int quorum, Duration evaluationPeriod, Duration extensionPeriod) {

    StageGateProperties {
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
