package org.jcmflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jcmflow.testsupport.DemoUser;

/** Runs a number of lifecycles on a number of threads, the proponents taking turns, and times them. */
final class LifecycleRun {

    @FunctionalInterface
    interface Lifecycle {
        /** Drives one case from its proposal to COMPLETED and returns its id. */
        String drive(int number, String proponent) throws Exception;
    }

    record Result(int threads, int lifecycles, int taskCompletions, double seconds, long commits,
                  List<String> caseIds) {

        double lifecyclesPerSecond() {
            return lifecycles / seconds;
        }

        double taskCompletionsPerSecond() {
            return taskCompletions / seconds;
        }

        double commitsPerLifecycle() {
            return commits / (double) lifecycles;
        }
    }

    private LifecycleRun() {
    }

    static Result run(int threads, int lifecycles, Commits commits, AtomicInteger completions, Lifecycle lifecycle)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long commitsBefore = commits.count();
            long started = System.nanoTime();
            List<Future<String>> cases = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (int i = 0; i < lifecycles; i++) {
                cases.add(pool.submit(() -> {
                    int number = next.getAndIncrement();
                    String proponent = number % 2 == 0 ? DemoUser.PROPONENT : DemoUser.OTHER_PROPONENT;
                    return lifecycle.drive(number, proponent);
                }));
            }
            List<String> caseIds = new ArrayList<>();
            for (Future<String> driven : cases) {
                caseIds.add(driven.get());
            }
            // the mails the steps called for are the engine's jobs: the work is done when they are
            commits.awaitNoExecutableJobs();
            double seconds = (System.nanoTime() - started) / 1e9;
            long committed = commits.count() - commitsBefore;
            return new Result(threads, lifecycles, completions.get(), seconds, committed, caseIds);
        } finally {
            pool.shutdownNow();
        }
    }
}
