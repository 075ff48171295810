package org.jcmflow.casefile;

/**
 * Where a case stands on its main line; the last three end it. The JCM track beside it has stages of its own
 * ({@link JcmTrackStage}); {@code MRV} is the main stage only of a case whose JCM track follows an MRV application
 * survey, with no demonstration beside it, and the stage under which the JCM track's steps are recorded.
 */
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
