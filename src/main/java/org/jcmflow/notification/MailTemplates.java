package org.jcmflow.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The text of each mail in the recipient's language, from messages.properties and messages_ja.properties
 * ({@code mail.<kind>.subject} and {@code .body}), with the link that opens the task (or the case) in the portal.
 */
@Component
class MailTemplates {

    record Mail(String subject, String body) {
    }

    private final MessageSource messages;
    private final String portalBaseUrl;
    private final ZoneId zone;

    MailTemplates(MessageSource messages, @Value("${jcm.portal.base-url}") String portalBaseUrl,
                  @Value("${jcm.portal.time-zone}") ZoneId zone) {
        this.messages = messages;
        this.portalBaseUrl = portalBaseUrl.replaceAll("/+$", "");
        this.zone = zone;
    }

    /**
     * Arguments of every text: {0} the recipient, {1} the task, {2} the case, {3} the due date, {4} the link,
     * {5} whom the task is for (escalations) or the decision (stage gate, selection); for a selection {1} is the call.
     */
    Mail render(NotificationRequest request, String recipient, Locale language, String caseTitle) {
        Object[] arguments = arguments(request, recipient, language, caseTitle);
        String key = "mail." + request.kind().messageKey();
        String subject = messages.getMessage(key + ".subject", arguments, language);
        String body = messages.getMessage(key + ".body", arguments, language) + "\n\n"
                + messages.getMessage("mail.footer", arguments, language);
        return new Mail(subject, body);
    }

    /** What the mail says in one line, as the in-app inbox lists it ({@code notification.<kind>}). */
    String headline(NotificationRequest request, Locale language, String caseTitle) {
        return messages.getMessage("notification." + request.kind().messageKey(),
                arguments(request, "", language, caseTitle), language);
    }

    private Object[] arguments(NotificationRequest request, String recipient, Locale language, String caseTitle) {
        String taskName = request.taskKey() == null ? Objects.toString(request.taskName(), "")
                : messages.getMessage("step." + request.taskKey(), null, request.taskName(), language);
        String due = request.due() == null ? "-"
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).format(request.due().atZone(zone));
        return new Object[] {recipient, taskName, caseTitle, due, link(request), detail(request, language)};
    }

    String link(NotificationRequest request) {
        return portalBaseUrl + path(request);
    }

    /** Where the notification leads in the portal: the task, or the case (at the comment that mentions one). */
    static String path(NotificationRequest request) {
        if (request.kind() == NotificationKind.MENTION) {
            return "/cases/" + request.caseId() + "#comment-" + request.commentId();
        }
        return request.taskId() != null && request.kind() != NotificationKind.STAGE_GATE_DECISION
                ? "/tasks/" + request.taskId()
                : "/cases/" + request.caseId();
    }

    private String detail(NotificationRequest request, Locale language) {
        if (request.kind() == NotificationKind.STAGE_GATE_DECISION) {
            return messages.getMessage("stagegate.outcome." + request.decision(), null, request.decision(), language);
        }
        if (request.kind() == NotificationKind.SELECTION_DECISION) {
            return messages.getMessage("calls.outcome." + request.decision(), null, request.decision(), language);
        }
        if (request.kind() == NotificationKind.MENTION) {
            return request.mentionedBy();
        }
        if (request.assignee() != null) {
            return request.assignee();
        }
        List<String> roles = request.candidateGroups().stream()
                .map(group -> messages.getMessage("role." + group, null, group, language)).toList();
        return String.join(", ", roles);
    }
}
