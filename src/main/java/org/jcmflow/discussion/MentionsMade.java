package org.jcmflow.discussion;

import java.util.List;
import java.util.UUID;

/**
 * A comment mentioned people, each of whom may read it: published in the transaction that writes the comment, so
 * that they are told of it (by mail, in their inbox) only if it is written.
 *
 * @param mentioned the people to tell, the author not among them
 */
public record MentionsMade(UUID caseId, String taskId, String taskKey, String taskName, long commentId,
                           String author, List<String> mentioned) {
}
