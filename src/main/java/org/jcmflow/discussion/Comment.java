package org.jcmflow.discussion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A comment of a case's discussion.
 *
 * @param taskId   the task it is about, or null for the case as a whole
 * @param taskKey  that task's step (its BPMN id)
 * @param taskName that task's name in the process, which names it once the task is done
 * @param internal the programme office's and the committees' only
 * @param mentions the usernames it mentions ({@code @sato}), each told of it
 */
public record Comment(long id, UUID caseId, String taskId, String taskKey, String taskName, String author, Instant writtenAt,
                      boolean internal, String text, List<String> mentions) {
}
