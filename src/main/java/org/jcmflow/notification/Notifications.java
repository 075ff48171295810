package org.jcmflow.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.identity.UserDirectory.DirectoryUser;
import org.jcmflow.notification.MailTemplates.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Mails through the engine (bean {@code notifications} in {@code bpmn/notification.bpmn}): a step calls for a mail
 * by starting the notification process in its own transaction; the process's jobs then find the recipients and
 * send each their mail, retried by the engine when the directory or the mail server fails.
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

    private final RuntimeService runtime;
    private final CaseFileService cases;
    private final Recipients recipients;
    private final MailTemplates templates;
    private final MailDelivery delivery;
    private final NotificationProperties properties;
    private final Inbox inbox;

    Notifications(RuntimeService runtime, CaseFileService cases, Recipients recipients, MailTemplates templates,
                  MailDelivery delivery, NotificationProperties properties, Inbox inbox) {
        this.inbox = inbox;
        this.runtime = runtime;
        this.cases = cases;
        this.recipients = recipients;
        this.templates = templates;
        this.delivery = delivery;
        this.properties = properties;
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
        runtime.createProcessInstanceByKey(PROCESS_ID).businessKey(request.caseId().toString())
                .setVariables(request.variables()).execute();
    }

    /**
     * Finds the recipients, with their address and language, and puts the notification in each one's inbox;
     * nobody when the task is done by now.
     */
    public void address(DelegateExecution execution) {
        NotificationRequest request = NotificationRequest.from(execution);
        List<Map<String, String>> addressed;
        if (request.kind().asksToAct() && execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .taskId(request.taskId()).count() == 0) {
            log.info("No {} mail for task {} of case {}: it is done", request.kind(), request.taskKey(), request.caseId());
            addressed = List.of();
        } else {
            String organization = cases.find(request.caseId()).map(ProjectCase::organization).orElse(null);
            List<DirectoryUser> people = recipients.everyone(request, organization);
            inbox.deliver(request, people.stream().map(DirectoryUser::username).toList());
            addressed = recipients.reachable(request, people).stream().map(Notifications::address).toList();
        }
        execution.setVariable(RECIPIENTS, addressed);
    }

    /** Sends the mail to one recipient (the multi-instance's element). */
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
