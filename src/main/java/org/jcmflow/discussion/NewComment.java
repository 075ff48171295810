package org.jcmflow.discussion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A comment as its author writes it.
 *
 * @param internal true for the programme office and the committees only; absent is false
 * @param taskId   an open task of the case the comment is about; absent for the case as a whole
 */
public record NewComment(@NotBlank @Size(max = NewComment.MAX_LENGTH) String text, Boolean internal,
                         @Size(max = 64) String taskId) {

    static final int MAX_LENGTH = 4000;

    boolean isInternal() {
        return Boolean.TRUE.equals(internal);
    }
}
