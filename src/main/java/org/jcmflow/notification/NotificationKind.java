package org.jcmflow.notification;

/** What a mail is about; each has its subject and text in messages.properties ({@code mail.<key>.subject}). */
enum NotificationKind {
    NEW_TASK("newTask"),
    REMINDER("reminder"),
    ESCALATION("escalation"),
    STAGE_GATE_DECISION("stageGateDecision"),
    SELECTION_DECISION("selectionDecision"),
    MENTION("mention");

    private final String messageKey;

    NotificationKind(String messageKey) {
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }

    /** Mails that ask someone to act on an open task; pointless once the task is done. */
    boolean asksToAct() {
        return this == NEW_TASK || this == REMINDER;
    }
}
