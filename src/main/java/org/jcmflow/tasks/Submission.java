package org.jcmflow.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a review, evaluation or decision rests on, as its assignee reads it beside the form: the latest submission
 * of each step it decides on, labelled as the submitting form labels it, in the reader's language. For a request
 * the Joint Committee sent back, its decision and reasons, which the request made again answers.
 *
 * @param title the heading it stands under, in the reader's language
 */
record Submission(UUID caseId, String title, List<Part> parts) {

    /**
     * The latest record of one step.
     *
     * @param round   how many times the step was submitted on the case; past the first, {@code revised} is true and
     *                each value says whether it changed since the round before
     * @param values  the values in the order of the form, formatted for the reader
     * @param documents the documents uploaded while the step was open, and those its fields refer to
     */
    record Part(String stepKey, String step, String submittedBy, Instant submittedAt, int round, boolean revised,
                List<Value> values, List<Document> documents) {
    }

    /**
     * @param text     the value as the reader reads it: a number and date as their language writes them, a choice by
     *                 its option's label; null when empty
     * @param previous on a revised submission, the value of the round before, when it changed
     */
    record Value(String field, String label, String text, boolean changed, String previous) {
    }

    /** @param confidential the complete version of a document, beside its public version with parts masked */
    record Document(UUID id, String fileName, String uploadedBy, Instant uploadedAt, boolean confidential) {
    }
}
