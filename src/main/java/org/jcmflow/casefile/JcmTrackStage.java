package org.jcmflow.casefile;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the case's JCM track stands: the step of the JCM Project Cycle that is open, as the JC secretariat, the
 * TPE and the project participants name them. The track runs beside the demonstration from the MOU on (or after an
 * MRV application survey); the lifecycle moves the case record along as the track's tasks open.
 *
 * <p>Each stage names the tasks of {@code bpmn/mrv.bpmn} that belong to it. A task of the track not named here
 * leaves the stage as it was, so a step added to the track's process needs its line here to show.
 */
public enum JcmTrackStage {
    NOT_STARTED,
    METHODOLOGY("Task_DraftMethodology", "Task_CheckMethodologyCompleteness", "Task_DecideMethodology",
            "Task_ReviseMethodology"),
    VALIDATION("Task_SubmitProjectDesign", "Task_ValidateProjectDesign", "Task_CorrectProjectDesign"),
    REGISTRATION("Task_RequestRegistration", "Task_RegisterProject"),
    MONITORING("Task_SubmitMonitoringReport"),
    VERIFICATION("Task_VerifyMonitoringReport"),
    ISSUANCE("Task_RequestIssuance", "Task_IssueCredits", "Task_NotifyGovernments"),
    ENDED;

    private final List<String> steps;

    JcmTrackStage(String... steps) {
        this.steps = List.of(steps);
    }

    /** The stage whose step the task of the JCM track is; empty for a task of no stage here. */
    public static Optional<JcmTrackStage> ofStep(String taskKey) {
        return Arrays.stream(values()).filter(stage -> stage.steps.contains(taskKey)).findFirst();
    }

    /** Between the first step of the track and its end. */
    public boolean isRunning() {
        return this != NOT_STARTED && this != ENDED;
    }
}
