package org.jcmflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jcmflow.testsupport.ApplicationProcess;

/**
 * How big the benchmark runs: threads for B0 to B2, lifecycles per phase, the volumes of B3 and the requests per
 * query. The full run takes its sizes from system properties ({@code -Dbench.sizes=1000,10000,100000}); the smoke
 * run is tiny. {@code -Dbench.keepDatabase=DIR} runs on (and keeps) the database in DIR instead of a fresh one
 * removed afterwards: an empty DIR to look into the loaded database afterwards. Commits are counted after 11 s of
 * quiet, the longest PostgreSQL holds a backend's counts back. The restarts run with README's production heap, on
 * a jar extracted with a class-data archive of their own; the smoke run's with the test JVM's launch and options.
 */
record BenchSettings(int threads, int lifecycles, List<Integer> sizes, int warmUpRequests, int measuredRequests,
                     Duration databaseCeilingTime, int loadBatchSize, Path output, Path keptDatabase,
                     Duration commitsQuiet, List<String> restartJvmOptions, ApplicationProcess.Launch restartLaunch) {

    /** The heap README gives the application in production: its live data is about 100 MB at 100,000 cases. */
    private static final List<String> PRODUCTION_JVM_OPTIONS = List.of("-Xmx512m");

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Integer.getInteger("bench.threads", 4),
                Integer.getInteger("bench.lifecycles", 40),
                Arrays.stream(System.getProperty("bench.sizes", "1000,10000,100000").split(","))
                        .map(String::trim).map(Integer::valueOf).sorted().toList(),
                Integer.getInteger("bench.warmUp", 30),
                Integer.getInteger("bench.requests", 100),
                Duration.ofSeconds(Integer.getInteger("bench.ceilingSeconds", 10)),
                Integer.getInteger("bench.loadBatch", 250),
                Path.of(System.getProperty("bench.output", "target/bench")),
                Optional.ofNullable(System.getProperty("bench.keepDatabase")).filter(path -> !path.isBlank())
                        .map(Path::of).orElse(null),
                Duration.ofSeconds(11), PRODUCTION_JVM_OPTIONS, null);
    }

    /**
     * A few seconds: every phase runs, with tiny sizes, so that the benchmark cannot rot. Its restarts take the
     * launch the tests have already made (the extraction and its class-data archive), with the JVM options it was
     * made with, instead of a training run of their own.
     */
    static BenchSettings smoke(Path output, ApplicationProcess.Launch launch) {
        // its commit counts may fall short by the ones PostgreSQL has not shown yet: only their presence is checked
        return new BenchSettings(2, 2, List.of(10, 20), 2, 5, Duration.ofSeconds(1), 5, output, null,
                Duration.ofMillis(1_500), ApplicationProcess.testJvmOptions(), launch);
    }
}
