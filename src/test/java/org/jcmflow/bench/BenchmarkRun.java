package org.jcmflow.bench;

import org.junit.jupiter.api.Test;

/**
 * The full benchmark, run by {@code ./mvnw -Pbench verify} only (the profile includes this class and nothing
 * else); sizes from the system properties of {@link BenchSettings#fromSystemProperties()}.
 */
class BenchmarkRun {

    @Test
    void benchmark() throws Exception {
        new Benchmark(BenchSettings.fromSystemProperties()).run();
    }
}
