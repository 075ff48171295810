package org.jcmflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How big the benchmark runs: threads for B0 to B2, lifecycles per phase, the volumes of B3 and the requests per
 * query. The full run takes its sizes from system properties ({@code -Dbench.sizes=1000,10000,100000}); the smoke
 * run is tiny. {@code -Dbench.keepDatabase=DIR} runs on (and keeps) the database in DIR instead of a fresh one
 * removed afterwards: an empty DIR to look into the loaded database afterwards. Commits are counted after 11 s of
 * quiet, the longest PostgreSQL holds a backend's counts back.
 */
record BenchSettings(int threads, int lifecycles, List<Integer> sizes, int warmUpRequests, int measuredRequests,
                     Duration databaseCeilingTime, int loadBatchSize, Path output, Path keptDatabase,
                     Duration commitsQuiet) {

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
                Duration.ofSeconds(11));
    }

    /** A few seconds: every phase runs, with tiny sizes, so that the benchmark cannot rot. */
    static BenchSettings smoke(Path output) {
        // its commit counts may fall short by the ones PostgreSQL has not shown yet: only their presence is checked
        return new BenchSettings(2, 2, List.of(10, 20), 2, 5, Duration.ofSeconds(1), 5, output, null,
                Duration.ofMillis(1_500));
    }
}
