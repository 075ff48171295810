package org.jcmflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.jcmflow.engine.EngineClock;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.common.ProcessEngineCoverageExtensionBuilder;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * What every process test needs: the engine's configuration and the coverage floor, the beans the BPMN expressions
 * call, and the steps through deadlines. {@link ProcessTest} puts the engine and the beans in place.
 */
public final class ProcessTestSupport {

    /** Each process test class must cover at least this share of its process's flow nodes and sequence flows. */
    static final double MINIMUM_COVERAGE = 0.9;

    /**
     * Not named camunda.cfg.xml: Camunda looks that name up on the classpath and would start a second engine
     * inside the application tests.
     */
    static final String ENGINE_CONFIGURATION = "process-test-engine.cfg.xml";

    /**
     * Where this test JVM writes its coverage report: a directory per JVM (surefire's two forks run side by side, and
     * the report's first write copies its static files, which two JVMs must not do into one directory at once).
     */
    private static final String COVERAGE_DIRECTORY =
            System.getProperty("jcm.test.coverage-directory", "target/process-test-coverage");

    private static final DeadlineProperties DEADLINES = configuredDeadlines();

    /** The engine of {@link #ENGINE_CONFIGURATION}, its coverage reported to this JVM's directory. */
    static ProcessEngineCoverageExtensionBuilder<ProcessEngineCoverageExtension> coveredEngine() {
        return ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION).reportDirectory(COVERAGE_DIRECTORY);
    }

    private ProcessTestSupport() {
    }

    public static RecordingCaseStages registerBeans() {
        RecordingCaseStages stages = new RecordingCaseStages();
        Mocks.register("caseStages", stages);
        Mocks.register("dueDates", new DueDates(DEADLINES, new EngineClock()));
        return stages;
    }

    /** Stands in for the deadline notifications; registered afresh for each test. */
    public static RecordingDeadlines registerDeadlines() {
        RecordingDeadlines deadlines = new RecordingDeadlines();
        Mocks.register("deadlines", deadlines);
        return deadlines;
    }

    /** The deadlines as application.yaml configures them. */
    public static DeadlineProperties configuredDeadlines() {
        return configured("jcm.deadlines", DeadlineProperties.class);
    }

    /** Settings as application.yaml configures them. */
    public static <T> T configured(String prefix, Class<T> type) {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Binder.get(environment).bind(prefix, type).get();
    }

    /**
     * Lets the engine's clock run past the open task's reminder and then past its due date, firing each timer
     * when it is due and not before: the reminder goes out, then the escalation, and the task stays open.
     */
    public static void remindThenEscalate(ProcessInstance instance, String taskKey, RecordingDeadlines deadlines) {
        remindThenEscalate(instance, taskKey, deadlines, DEADLINES.reminderBefore());
    }

    /** The same, for a task whose reminder comes the given time before its due date. */
    public static void remindThenEscalate(ProcessInstance instance, String taskKey, RecordingDeadlines deadlines,
                                          Duration reminderBeforeDue) {
        Task task = openTask(instance, taskKey);
        String name = taskKey.substring("Task_".length());
        Instant due = task.getDueDate().toInstant();

        Job reminder = timer(instance, "Boundary_" + name + "Reminder");
        assertThat(Duration.between(reminder.getDuedate().toInstant(), due))
                .as("reminder before the due date of " + taskKey)
                .isBetween(reminderBeforeDue.minusSeconds(1), reminderBeforeDue.plusSeconds(1));
        fireWhenDue(reminder);
        assertThat(deadlines.sent()).as("sent after the reminder timer").endsWith("reminder " + taskKey);
        assertThat(openTask(instance, taskKey).getId()).as("the reminder leaves the task open").isEqualTo(task.getId());

        Job overdue = timer(instance, "Boundary_" + name + "Overdue");
        assertThat(Duration.between(overdue.getDuedate().toInstant(), due).abs()).isLessThan(Duration.ofSeconds(1));
        fireWhenDue(overdue);
        assertThat(deadlines.sent()).as("sent when overdue").endsWith("escalation " + taskKey);
        assertThat(openTask(instance, taskKey).getId()).as("the escalation leaves the task open").isEqualTo(task.getId());
        ClockUtil.reset();
    }

    /** Sets the engine's clock just before the timer's due date, then just after it, and fires it. */
    public static void fireWhenDue(Job timer) {
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().minusSeconds(60)));
        assertThat(managementService().createJobQuery().jobId(timer.getId()).executable().count())
                .as("%s fires not before it is due", timer.getId()).isZero();
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
        assertThat(managementService().createJobQuery().jobId(timer.getId()).executable().count())
                .as("%s is due", timer.getId()).isOne();
        execute(timer);
    }

    public static Job timer(ProcessInstance instance, String boundaryEventId) {
        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(boundaryEventId).singleResult();
        assertThat(timer).as("timer " + boundaryEventId).isNotNull();
        return timer;
    }

    private static Task openTask(ProcessInstance instance, String taskKey) {
        Task task = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        return task;
    }
}
