package org.jcmflow.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task as the inbox shows it, with the stage of its track: a task of the JCM track is in the case's stage MRV,
 * at the track's stage {@code jcmTrackStage} (VERIFICATION); any other task is in the case's main stage.
 */
record TaskView(String id, String taskKey, String name, UUID caseId, String caseTitle, String stage,
                String partnerCountry, List<String> candidateGroups, String assignee, Instant created, Instant due,
                boolean overdue, String jcmTrackStage) {

    TaskView(String id, String taskKey, String name, UUID caseId, String caseTitle, String stage,
             String partnerCountry, List<String> candidateGroups, String assignee, Instant created, Instant due,
             boolean overdue) {
        this(id, taskKey, name, caseId, caseTitle, stage, partnerCountry, candidateGroups, assignee, created, due,
                overdue, null);
    }
}
