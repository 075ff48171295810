package org.jcmflow.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.engine.EngineTables;
import org.jcmflow.notification.MailOutbox.Pending;
import org.jcmflow.notification.MailTemplates.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's sender of the mails in the outbox. It is woken right after a step that called for mails commits,
 * and looks on its own every second ({@code jcm.notifications.poll}) for rows due again and rows other nodes'
 * steps wrote. It takes the due rows in batches, each batch one transaction that holds its rows locked while it
 * sends them, so that two nodes never send the same row and a row is marked sent once. A mail the server refuses
 * or does not take is tried again later, each time twice as long after the last ({@code retry-first} doubling up to
 * {@code retry-max}), until it goes out. A node that dies while sending leaves its rows unsent; another node (or it,
 * restarted) sends them, so a mail that had just gone out may then go out twice, but none is lost.
 */
@Component
@EnableScheduling
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;
    private static final String TASK_DONE = "not sent: the task was done by then";

    private final MailOutbox outbox;
    private final Addressing addressing;
    private final CaseFileService cases;
    private final EngineTables engineTables;
    private final MailTemplates templates;
    private final MailDelivery delivery;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    /** One thread that a commit wakes; at most one wake-up waits while it sends. */
    private final ThreadPoolExecutor waker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1), runnable -> {
                Thread thread = new Thread(runnable, "mail-sender");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile boolean failing;

    OutboxSender(MailOutbox outbox, Addressing addressing, CaseFileService cases, EngineTables engineTables,
               MailTemplates templates, MailDelivery delivery, NotificationProperties properties,
               TransactionTemplate transaction, Clock clock) {
        this.outbox = outbox;
        this.addressing = addressing;
        this.cases = cases;
        this.engineTables = engineTables;
        this.templates = templates;
        this.delivery = delivery;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Sends as soon as the calling transaction has committed (at once without one); once per transaction. */
    void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake();
            return;
        }
        if (TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(WakeUp.class::isInstance)) {
            TransactionSynchronizationManager.registerSynchronization(new WakeUp());
        }
    }

    private final class WakeUp implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            wake();
        }
    }

    private void wake() {
        wanted.set(true);
        if (!stopped) {
            waker.execute(this::sendDue);
        }
    }

    @Scheduled(fixedDelayString = "${jcm.notifications.poll:PT1S}")
    void poll() {
        wanted.set(true);
        sendDue();
    }

    /** Sends every row due, batch after batch, unless this node's sender is at it already (it then goes on). */
    void sendDue() {
        while (!stopped && wanted.get() && sending.compareAndSet(false, true)) {
            try {
                wanted.set(false);
                Integer taken;
                do {
                    taken = transaction.execute(status -> sendBatch());
                } while (!stopped && taken != null && taken == BATCH);
                if (failing) {
                    log.info("Mails go out again: the outbox is readable");
                    failing = false;
                }
            } catch (RuntimeException outboxAway) {
                if (!failing) {
                    log.warn("Mails wait: the outbox could not be read ({}); tried again every second", outboxAway.toString());
                }
                failing = true;
                return;
            } finally {
                sending.set(false);
            }
        }
    }

    private int sendBatch() {
        Instant now = clock.instant();
        List<Pending> due = outbox.takeDue(now, BATCH);
        for (Pending row : due) {
            try {
                send(row, now);
            } catch (RuntimeException notSent) {
                int attempts = row.attempts() + 1;
                Instant next = now.plus(backoff(attempts));
                log.warn("The {} mail of case {} to {} failed (attempt {}), tried again at {}: {}",
                        row.request().kind(), row.request().caseId(), row.addressed() ? row.recipient() : "its people",
                        attempts, next, notSent.toString());
                outbox.failed(row.id(), attempts, next, notSent.toString());
            }
        }
        return due.size();
    }

    private void send(Pending row, Instant now) {
        NotificationRequest request = row.request();
        if (request.kind().asksToAct() && !engineTables.isOpenTask(request.taskId())) {
            log.info("No {} mail for task {} of case {}: it is done", request.kind(), request.taskKey(), request.caseId());
            outbox.skipped(row.id(), now, TASK_DONE);
            return;
        }
        if (!row.addressed()) {
            outbox.add(request, addressing.deliverToInboxes(request), now);
            outbox.skipped(row.id(), now, "addressed: a row written for each recipient");
            return;
        }
        String caseTitle = cases.find(request.caseId()).map(ProjectCase::title).orElse("");
        Mail mail = templates.render(request, row.name(), properties.languageOf(row.language()), caseTitle);
        delivery.deliver(row.email(), mail);
        outbox.sent(row.id(), now);
    }

    /** How long after its n-th failure a mail is tried again: the first wait doubled each time, up to the longest. */
    Duration backoff(int failures) {
        Duration wait = properties.retryFirst();
        for (int i = 1; i < failures && wait.compareTo(properties.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : wait;
    }

    @PreDestroy
    void stop() {
        stopped = true;
        waker.shutdownNow();
    }
}
