package org.jcmflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.identity.UserDirectory.DirectoryUser;
import org.jcmflow.notification.MailTemplates.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.client.RestClientException;
import org.springframework.stereotype.Component;

/**
 * Mails called for by the steps. A step writes its mails into the outbox (a row per recipient, {@link MailOutbox})
 * and each person's inbox entry in its own transaction, so that a step that rolls back calls for nothing; this
 * node's {@link OutboxSender} sends them once the step has committed, and a mail server that fails holds up only the
 * mail, never the step. A directory that does not answer holds up only the addressing: the mail then waits in the
 * outbox as a whole, and the sender finds its people later.
 *
 * <p>Mails were sent through the engine before, by the notification process ({@code bpmn/notification.bpmn}): its
 * instances started then still run their jobs, which call {@link #address} and {@link #send} (bean
 * {@code notifications}); no new ones are started.
 */
@Component("notifications")
@EnableConfigurationProperties(NotificationProperties.class)
public class Notifications {

    static final String PROCESS_ID = "jcm-notification";
    static final String RECIPIENTS = "recipients";
    static final String RECIPIENT = "recipient";

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    /** Set on a thread while it loads cases in bulk: see {@link #withheldDuring(Supplier)}. */
    private static final ThreadLocal<Boolean> WITHHELD = ThreadLocal.withInitial(() -> false);

    private final CaseFileService cases;
    private final Addressing addressing;
    private final MailOutbox outbox;
    private final OutboxSender sender;
    private final MailTemplates templates;
    private final MailDelivery delivery;
    private final NotificationProperties properties;
    private final Clock clock;

    Notifications(CaseFileService cases, Addressing addressing, MailOutbox outbox, OutboxSender sender,
                  MailTemplates templates, MailDelivery delivery, NotificationProperties properties, Clock clock) {
        this.cases = cases;
        this.addressing = addressing;
        this.outbox = outbox;
        this.sender = sender;
        this.templates = templates;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Runs work that calls for no mail: cases loaded in bulk (an import of cases run elsewhere until now, the
     * benchmark's volumes) whose people know of them already. Mails the work's steps would call for are not
     * requested at all; steps taken on other threads meanwhile mail as always.
     */
    public <T> T withheldDuring(Supplier<T> work) {
        boolean outer = WITHHELD.get();
        WITHHELD.set(true);
        try {
            return work.get();
        } finally {
            WITHHELD.set(outer);
        }
    }

    /** Calls for the mail; it goes out after the calling step has committed, and never if that step rolls back. */
    void request(NotificationRequest request) {
        if (WITHHELD.get()) {
            log.debug("No {} mail for task {} of case {}: mails are withheld during a bulk load", request.kind(),
                    request.taskKey(), request.caseId());
            return;
        }
        Instant now = clock.instant();
        List<DirectoryUser> recipients;
        try {
            recipients = addressing.deliverToInboxes(request);
        } catch (RestClientException directoryAway) {
            log.warn("The {} mail of case {} waits to be addressed: the directory did not answer ({})", request.kind(),
                    request.caseId(), directoryAway.toString());
            outbox.addUnaddressed(request, now);
            sender.wakeAfterCommit();
            return;
        }
        outbox.add(request, recipients, now);
        if (!recipients.isEmpty()) {
            sender.wakeAfterCommit();
        }
    }

    /**
     * Finds the recipients of a notification process's mail, with their address and language, and puts the
     * notification in each one's inbox; nobody when the task is done by now. For the process's running instances.
     */
    public void address(DelegateExecution execution) {
        NotificationRequest request = NotificationRequest.from(execution);
        List<Map<String, String>> addressed;
        if (request.kind().asksToAct() && execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .taskId(request.taskId()).count() == 0) {
            log.info("No {} mail for task {} of case {}: it is done", request.kind(), request.taskKey(), request.caseId());
            addressed = List.of();
        } else {
            addressed = addressing.deliverToInboxes(request).stream().map(Notifications::address).toList();
        }
        execution.setVariable(RECIPIENTS, addressed);
    }

    /** Sends a notification process's mail to one recipient (the multi-instance's element). */
    public void send(DelegateExecution execution) {
        NotificationRequest request = NotificationRequest.from(execution);
        @SuppressWarnings("unchecked")
        Map<String, String> recipient = (Map<String, String>) execution.getVariable(RECIPIENT);
        String caseTitle = cases.find(request.caseId()).map(ProjectCase::title).orElse("");
        Mail mail = templates.render(request, recipient.get("name"), properties.languageOf(recipient.get("language")),
                caseTitle);
        delivery.deliver(recipient.get("email"), mail);
    }

    private static Map<String, String> address(DirectoryUser person) {
        Map<String, String> address = new LinkedHashMap<>();
        address.put("username", person.username());
        address.put("name", Objects.toString(person.displayName(), person.username()));
        address.put("email", person.email());
        address.put("language", person.language());
        return address;
    }
}
