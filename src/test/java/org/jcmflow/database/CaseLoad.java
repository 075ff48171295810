package org.jcmflow.database;

import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jcmflow.testsupport.CaseDriver;

/**
 * Users who open cases and take them through the feasibility study in parallel, on one or more application nodes,
 * keeping every answer that said success. Every other case is left waiting for its feasibility report, so that its
 * reminder and overdue timers run. Step n of a case goes to node n modulo the number of nodes: with two nodes, each
 * step of a case is taken on the other node than the step before.
 */
final class CaseLoad {

    /** A step the application confirmed: the case opened (201) or its task completed (204). */
    record Confirmed(String caseId, String step) {
    }

    static final String OPENED = "opened";

    private final Supplier<List<CaseDriver>> nodes;
    private final String titlePrefix;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger casesStarted = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();

    final Queue<Confirmed> confirmed = new ConcurrentLinkedQueue<>();
    /** Cases left waiting for their feasibility report. */
    final Queue<String> parked = new ConcurrentLinkedQueue<>();
    /** Answers that were neither success nor a lost connection. */
    final Queue<String> failures = new ConcurrentLinkedQueue<>();
    /** Requests that got no answer at all: the server was gone. */
    final AtomicInteger unanswered = new AtomicInteger();

    /** The nodes are asked anew for each case, so that a restarted node is used once it is back. */
    CaseLoad(Supplier<List<CaseDriver>> nodes, String titlePrefix) {
        this.nodes = nodes;
        this.titlePrefix = titlePrefix;
    }

    void start(int users) {
        running.set(true);
        for (int user = 0; user < users; user++) {
            String proponent = user % 2 == 0 ? PROPONENT : OTHER_PROPONENT;
            Thread worker = new Thread(() -> work(proponent), titlePrefix + "-user-" + user);
            workers.add(worker);
            worker.start();
        }
    }

    /** Lets the users finish the step they are on, and waits for them. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread worker : workers) {
            worker.join(Duration.ofMinutes(1).toMillis());
        }
        workers.clear();
    }

    /** Runs until the given number of steps have been confirmed, at most for the given time. */
    void awaitConfirmed(int steps, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (confirmed.size() < steps && Instant.now().isBefore(deadline) && failures.isEmpty()) {
            Thread.sleep(200);
        }
    }

    long confirmedCompletions() {
        return confirmed.stream().filter(step -> !step.step().equals(OPENED)).count();
    }

    long confirmedOpenings() {
        return confirmed.stream().filter(step -> step.step().equals(OPENED)).count();
    }

    private void work(String proponent) {
        while (running.get()) {
            int number = casesStarted.incrementAndGet();
            List<CaseDriver> drivers = nodes.get();
            try {
                String caseId = drivers.get(0).openCase(proponent, String.format("%s case %04d", titlePrefix, number));
                confirmed.add(new Confirmed(caseId, OPENED));
                complete(drivers.get(1 % drivers.size()), caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
                if (number % 2 == 0) {
                    parked.add(caseId);
                    continue;
                }
                complete(drivers.get(2 % drivers.size()), caseId, "Task_SubmitFeasibilityReport", proponent);
                complete(drivers.get(3 % drivers.size()), caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
            } catch (IllegalStateException noAnswer) {
                // the connection failed: the server is gone; this user waits for it to come back
                unanswered.incrementAndGet();
                pause();
            } catch (AssertionError unexpected) {
                failures.add(unexpected.getMessage());
                return;
            }
        }
    }

    private void complete(CaseDriver driver, String caseId, String taskKey, String username) {
        driver.complete(caseId, taskKey, username);
        confirmed.add(new Confirmed(caseId, taskKey));
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
