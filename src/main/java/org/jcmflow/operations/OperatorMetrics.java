package org.jcmflow.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jcmflow.casefile.Stage;
import org.jcmflow.engine.EngineTables;
import org.jcmflow.identity.Role;
import org.jcmflow.notification.MailOutbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The figures an operator watches on a Prometheus dashboard: open tasks by stage and role, overdue tasks, the
 * job executor's backlog and failures, incidents, and the mails waiting in the outbox. Counted at most once per {@code jcm.metrics.max-age}
 * however often Prometheus scrapes. Each node counts the whole database, so a dashboard over several nodes takes
 * the maximum of a figure, not the sum. Open tasks have a row for every stage and role, zero or not, so that a
 * stage's first task shows in the same scrape as any other change.
 */
@Component
class OperatorMetrics implements MeterBinder {

    /** The role of a task given to a person by name rather than offered to a role. */
    static final String BY_NAME = "by-name";

    private final EngineTables engineTables;
    private final MailOutbox outbox;
    private final Clock clock;
    private final Duration maxAge;

    private Snapshot snapshot;
    private Instant countedAt = Instant.MIN;

    /** One count of the work queue, with its open tasks by stage and role ready for the gauges to read. */
    private record Snapshot(EngineTables.WorkQueue queue, Map<String, Long> openTasks, MailOutbox.Backlog mails) {

        static Snapshot of(EngineTables.WorkQueue queue, MailOutbox.Backlog mails) {
            return new Snapshot(queue, queue.openTasks().stream().collect(Collectors.groupingBy(
                    row -> key(row.stage(), row.role() == null ? BY_NAME : row.role()),
                    Collectors.summingLong(EngineTables.OpenTasks::count))), mails);
        }

        static String key(String stage, String role) {
            return stage + '/' + role;
        }
    }

    OperatorMetrics(EngineTables engineTables, MailOutbox outbox, Clock clock,
                    @Value("${jcm.metrics.max-age:PT30S}") Duration maxAge) {
        this.engineTables = engineTables;
        this.outbox = outbox;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Stage stage : Stage.values()) {
            for (Role role : Role.values()) {
                openTasks(registry, stage.name(), role.groupId());
            }
            openTasks(registry, stage.name(), BY_NAME);
        }
        gauge(registry, "jcm.tasks.overdue", "Open tasks past their due date", EngineTables.WorkQueue::overdueTasks);
        gauge(registry, "jcm.jobs.due", "Jobs due that the job executor has not run yet: its backlog",
                EngineTables.WorkQueue::dueJobs);
        gauge(registry, "jcm.jobs.failing", "Jobs that failed and wait for a retry", EngineTables.WorkQueue::failingJobs);
        gauge(registry, "jcm.jobs.failed", "Jobs out of retries: an operator must look at them",
                EngineTables.WorkQueue::failedJobs);
        gauge(registry, "jcm.incidents", "Open incidents of the engine", EngineTables.WorkQueue::incidents);
        mailGauge(registry, "jcm.mails.due", "Mails due that no node has sent yet: the outbox's backlog",
                MailOutbox.Backlog::due);
        mailGauge(registry, "jcm.mails.failing", "Mails due that failed at least once and are tried again",
                MailOutbox.Backlog::failing);
    }

    private void mailGauge(MeterRegistry registry, String name, String description,
                           ToLongFunction<MailOutbox.Backlog> figure) {
        Gauge.builder(name, this, metrics -> figure.applyAsLong(metrics.current().mails())).description(description)
                .register(registry);
    }

    private void openTasks(MeterRegistry registry, String stage, String role) {
        Gauge.builder("jcm.tasks.open", this, metrics -> metrics.openTasksOf(stage, role))
                .description("Open tasks by the case's stage and the task's role (by-name: given to a person)")
                .tags("stage", stage, "role", role).register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToLongFunction<EngineTables.WorkQueue> figure) {
        Gauge.builder(name, this, metrics -> figure.applyAsLong(metrics.current().queue())).description(description)
                .register(registry);
    }

    private long openTasksOf(String stage, String role) {
        return current().openTasks().getOrDefault(Snapshot.key(stage, role), 0L);
    }

    private synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot == null || !now.isBefore(countedAt.plus(maxAge)) || now.isBefore(countedAt)) {
            snapshot = Snapshot.of(engineTables.workQueue(now), outbox.backlog(now));
            countedAt = now;
        }
        return snapshot;
    }
}
