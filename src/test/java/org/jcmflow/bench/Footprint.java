package org.jcmflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The application's memory, in this JVM (the benchmark's own clients are small beside it): heap used after a full
 * collection, and the resident set the operating system counts. PostgreSQL runs as processes of its own.
 */
record Footprint(double heapUsedMb, double heapCommittedMb, double heapMaxMb, double rssMb) {

    static Footprint measure() throws IOException {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Footprint(mb(heap.getUsed()), mb(heap.getCommitted()), mb(heap.getMax()),
                residentSetMb(ProcessHandle.current().pid()));
    }

    /** The resident set of a process, as the operating system counts it. */
    static double residentSetMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
