package org.jcmflow.casefile;

/**
 * The two tracks of a case whose stages are recorded: the case's own stages (feasibility study to follow-up, the
 * demonstration among them) and the JCM track beside them.
 */
public enum StageTrack {
    /** {@link Stage}: the case's main line, the demonstration and its follow-up among them. */
    MAIN,
    /** {@link JcmTrackStage}: methodology to issuance. */
    JCM
}
