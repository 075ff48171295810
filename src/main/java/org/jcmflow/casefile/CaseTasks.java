package org.jcmflow.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jcmflow.identity.CurrentUser;

/** The open tasks of a case, as the task module knows them. */
public interface CaseTasks {

    /** @param overdue whether its due date has passed */
    record OpenTask(String id, String taskKey, String name, List<String> candidateGroups, String assignee,
                    Instant created, Instant due, boolean overdue) {
    }

    List<OpenTask> openTasks(UUID caseId);

    /**
     * Whether the user holds an open task on the case (is its assignee, or may claim and work on it) whose form
     * asks for one of the case's documents: they may upload it.
     */
    boolean holdsTaskAskingForDocument(ProjectCase projectCase, CurrentUser user);
}
