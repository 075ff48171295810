package org.jcmflow.discussion;

import java.util.List;
import java.util.UUID;

import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jcmflow.web.PageController;
import org.jcmflow.web.PageMessages;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The comment form of the case page posts here and returns to the discussion, with the comment written or, when
 * refused, the text kept and the reason next to the form.
 */
@PageController
class DiscussionPage {

    static final String COMMENT_ERRORS = "commentErrors";
    static final String COMMENT_TEXT = "commentText";

    private final Discussion discussion;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;

    DiscussionPage(Discussion discussion, CurrentUsers currentUsers, PageMessages messages) {
        this.discussion = discussion;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @PostMapping("/cases/{caseId}/comments")
    String post(@PathVariable UUID caseId, @RequestParam(required = false) String text,
                @RequestParam(required = false) String internal, @RequestParam(required = false) String taskId,
                RedirectAttributes flash) {
        try {
            if (text == null || text.isBlank() || text.length() > NewComment.MAX_LENGTH) {
                throw new InvalidInput(List.of(text == null || text.isBlank()
                        ? FieldProblem.coded("text", "must not be blank", "commentBlank")
                        : FieldProblem.coded("text", "is longer than " + NewComment.MAX_LENGTH + " characters",
                        "commentTooLong", NewComment.MAX_LENGTH)));
            }
            Comment written = discussion.post(caseId, new NewComment(text, internal != null,
                    taskId == null || taskId.isBlank() ? null : taskId), currentUsers.current());
            flash.addFlashAttribute("notice", messages.get("discussion.posted"));
            return "redirect:/cases/" + caseId + "#comment-" + written.id();
        } catch (InvalidInput e) {
            flash.addFlashAttribute(COMMENT_ERRORS, messages.fieldErrors(e));
            flash.addFlashAttribute(COMMENT_TEXT, text);
            return "redirect:/cases/" + caseId + "#discussion";
        }
    }
}
