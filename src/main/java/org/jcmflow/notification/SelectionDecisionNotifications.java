package org.jcmflow.notification;

import org.jcmflow.calls.ProposalSelectionDecided;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a proposal's proponents the selection of its call, in the transaction that records it. */
@Component
class SelectionDecisionNotifications {

    private final Notifications notifications;

    SelectionDecisionNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void decided(ProposalSelectionDecided decision) {
        notifications.request(NotificationRequest.selectionDecision(decision.caseId(), decision.callTitle(),
                decision.selected()));
    }
}
