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
     * @param compilingSeconds of it, about: the JIT compilers' time over the phase
     * @param collectingSeconds of it, about: the garbage collectors' time over the phase
     */
    record Result(int threads, int lifecycles, int taskCompletions, double seconds, long commits, double cpuSeconds,
                  double compilingSeconds, double collectingSeconds, List<String> caseIds) {

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

        double compilingMillisPerTaskCompletion() {
            return compilingSeconds * 1000 / taskCompletions;
        }

        double collectingMillisPerTaskCompletion() {
            return collectingSeconds * 1000 / taskCompletions;
        }
    }

    private LifecycleRun() {
    }

    /** The time the JIT compilers have spent so far, summed over their threads (ms). */
    static long compilingMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** The time the garbage collectors have spent so far (ms). */
    static long collectingMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(collector -> Math.max(0, collector.getCollectionTime())).sum();
    }

    /** The CPU time of this JVM, all its threads, so far. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Runs the lifecycles and measures them, after one lifecycle per thread that is not measured: the first of each
     * request on a thread runs its code for the first time in the JVM (classes loaded, compiled), which a server
     * running for weeks does once, not once in every twenty lifecycles. {@code measuredFromHere} runs between the
     * two, for the caller to drop what it timed meanwhile.
     */
    static Result run(int threads, int lifecycles, Commits commits, AtomicInteger completions, Lifecycle lifecycle,
                      Runnable measuredFromHere) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            driveAll(pool, threads, next, lifecycle);
            commits.awaitWorkDone();
            completions.set(0);
            measuredFromHere.run();

            long commitsBefore = commits.count();
            long cpuBefore = processCpuNanos();
            long compilingBefore = compilingMillis();
            long collectingBefore = collectingMillis();
            long started = System.nanoTime();
            List<String> caseIds = driveAll(pool, lifecycles, next, lifecycle);
            // the work is done when the jobs and the mails the steps called for are
            commits.awaitWorkDone();
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            double compilingSeconds = (compilingMillis() - compilingBefore) / 1e3;
            double collectingSeconds = (collectingMillis() - collectingBefore) / 1e3;
            long committed = commits.count() - commitsBefore;
            return new Result(threads, lifecycles, completions.get(), seconds, committed, cpuSeconds, compilingSeconds,
                    collectingSeconds, caseIds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> driveAll(ExecutorService pool, int lifecycles, AtomicInteger next,
                                         Lifecycle lifecycle) throws Exception {
        List<Future<String>> cases = new ArrayList<>();
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
        return caseIds;
    }
}
