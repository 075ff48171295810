package org.jcmflow.notification;

import org.jcmflow.discussion.MentionsMade;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells each person a comment mentions, by mail and in their inbox, in the transaction that writes the comment. */
@Component
class MentionNotifications {

    private final Notifications notifications;

    MentionNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void mentioned(MentionsMade mentions) {
        for (String username : mentions.mentioned()) {
            notifications.request(NotificationRequest.mention(mentions.caseId(), mentions.taskId(),
                    mentions.taskKey(), mentions.taskName(), mentions.commentId(), mentions.author(), username));
        }
    }
}
