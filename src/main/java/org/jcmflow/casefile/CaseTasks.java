package org.jcmflow.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The open tasks of a case, as the task module knows them. */
public interface CaseTasks {

    record OpenTask(String id, String taskKey, String name, List<String> candidateGroups, String assignee,
                    Instant created, Instant due) {
    }

    List<OpenTask> openTasks(UUID caseId);
}
