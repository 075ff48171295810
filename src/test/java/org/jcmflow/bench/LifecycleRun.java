package org.jcmflow.bench;

import java.lang.management.ManagementFactory;
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

    /**
     * @param cpuSeconds the CPU time of the whole JVM over the phase: the application's, and the benchmark's own
     *                   driving (B2's HTTP clients among it)
     */
    record Result(int threads, int lifecycles, int taskCompletions, double seconds, long commits, double cpuSeconds,
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

        double commitsPerTaskCompletion() {
            return commits / (double) taskCompletions;
        }

        double cpuMillisPerTaskCompletion() {
            return cpuSeconds * 1000 / taskCompletions;
        }
    }

    private LifecycleRun() {
    }

    /** The CPU time of this JVM, all its threads, so far. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static Result run(int threads, int lifecycles, Commits commits, AtomicInteger completions, Lifecycle lifecycle)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long commitsBefore = commits.count();
            long cpuBefore = processCpuNanos();
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
            // the work is done when the jobs and the mails the steps called for are
            commits.awaitWorkDone();
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            long committed = commits.count() - commitsBefore;
            return new Result(threads, lifecycles, completions.get(), seconds, committed, cpuSeconds, caseIds);
        } finally {
            pool.shutdownNow();
        }
    }
}
