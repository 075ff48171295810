package org.jcmflow.notification;

import org.jcmflow.stagegate.StageGateDecided;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the case's proponents each stage-gate decision, in the transaction that records it. */
@Component
class StageGateDecisionNotifications {

    private final Notifications notifications;

    StageGateDecisionNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void decided(StageGateDecided decision) {
        notifications.request(NotificationRequest.stageGateDecision(decision.caseId(), decision.decision()));
    }
}
