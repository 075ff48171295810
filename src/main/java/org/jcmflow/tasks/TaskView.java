package org.jcmflow.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A task as the inbox shows it. */
record TaskView(String id, String taskKey, String name, UUID caseId, String caseTitle, String stage,
                String partnerCountry, List<String> candidateGroups, String assignee, Instant created, Instant due,
                boolean overdue) {
}
