package org.jcmflow.tasks;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One task as its page and {@code GET /api/tasks/{id}} show it: as the inbox lists it, with what it decides on.
 *
 * @param submission null for a task that decides on no submission
 */
record TaskDetails(@JsonUnwrapped TaskView task, Submission submission) {
}
