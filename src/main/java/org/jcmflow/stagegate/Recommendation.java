package org.jcmflow.stagegate;

/** What the committee's scores recommend (the decision table), or that too few could score the case. */
public enum Recommendation {
    APPROPRIATE, CONDITIONAL, NOT_APPROPRIATE, NO_QUORUM
}
