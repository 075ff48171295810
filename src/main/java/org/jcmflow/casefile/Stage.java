package org.jcmflow.casefile;

/** Where a case stands in the lifecycle; the last three end it. */
public enum Stage {
    FEASIBILITY_STUDY,
    PRE_DEMONSTRATION_SURVEY,
    MRV_APPLICATION_SURVEY,
    STAGE_GATE,
    MOU,
    DEMONSTRATION,
    MRV,
    FOLLOW_UP,
    COMPLETED,
    TERMINATED,
    TRANSFERRED;

    public boolean isFinal() {
        return this == COMPLETED || this == TERMINATED || this == TRANSFERRED;
    }
}
