package org.jcmflow.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task was given to someone by name, or handed back to its roles ({@code assignee} null), by a programme
 * manager: published in the transaction that does it, so that whoever has it now is told.
 */
public record TaskReassigned(UUID caseId, String taskId, String taskKey, String taskName, Instant due,
                             String assignee, List<String> candidateGroups) {
}
