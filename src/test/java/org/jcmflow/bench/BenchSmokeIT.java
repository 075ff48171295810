package org.jcmflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jcmflow.testsupport.ApplicationProcess;
import org.jcmflow.testsupport.FreePorts;
import org.jcmflow.testsupport.RunsBesideTheOthers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark at tiny sizes, so that it keeps working: every phase runs and every figure is written. The benchmark
 * runs the application inside its JVM, so it runs in a JVM of its own (on the test class path), beside the other
 * tests: an application stopped inside the test JVM would take Camunda's engine "default" out of the static
 * registries the applications the other tests share read, and set the log levels of them all.
 */
@RunsBesideTheOthers
@Order(RunsBesideTheOthers.BENCHMARK)
class BenchSmokeIT {

    /** Its work takes about a minute on two busy cores; the bound is for a run that hangs. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @TempDir
    Path output;

    @Test
    void everyPhaseRunsAndResultsHoldEveryFigure() throws Exception {
        Path log = output.resolve("benchmark.log");
        ApplicationProcess.Launch launch = ApplicationProcess.productionLaunch();
        Process benchmark = new ProcessBuilder(ApplicationProcess.yielding(List.of(ApplicationProcess.javaBinary(),
                "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", FreePorts.forAnotherJvm(), "-cp",
                String.join(File.pathSeparator, ApplicationProcess.testClassPath()), Benchmark.class.getName(),
                "--smoke", output.toString(), launch.jar().toString(), launch.classDataArchive().toString())))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended;
        try {
            ended = benchmark.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            if (benchmark.isAlive()) {
                benchmark.destroyForcibly().waitFor();
            }
        }
        assertThat(ended && benchmark.exitValue() == 0)
                .as("the benchmark ended well within %s; its output:%n%s", PATIENCE, Files.readString(log))
                .isTrue();

        JsonNode results = new ObjectMapper().readTree(output.resolve("results.json").toFile());
        assertThat(results.at("/b0/commitsPerSecond").asDouble()).isPositive();
        for (String phase : new String[] {"b1", "b2"}) {
            assertThat(results.at("/" + phase + "/lifecycles").asInt()).isEqualTo(2);
            assertThat(results.at("/" + phase + "/taskCompletions").asInt()).isEqualTo(2 * MainPath.STEPS.size());
            assertThat(results.at("/" + phase + "/lifecyclesPerSecond").asDouble()).isPositive();
            assertThat(results.at("/" + phase + "/taskCompletionsPerSecond").asDouble()).isPositive();
            assertThat(results.at("/" + phase + "/commitsPerLifecycle").asDouble()).isGreaterThan(MainPath.STEPS.size());
            assertThat(results.at("/" + phase + "/commitsPerTaskCompletion").asDouble()).isGreaterThanOrEqualTo(1);
            assertThat(results.at("/" + phase + "/cpuMsPerTaskCompletion").asDouble()).isPositive();
            assertThat(results.at("/" + phase + "/compilingMsPerTaskCompletion").isNumber()).isTrue();
            assertThat(results.at("/" + phase + "/collectingMsPerTaskCompletion").isNumber()).isTrue();
        }
        for (String request : new String[] {"start", "complete"}) {
            for (String percentile : new String[] {"p50", "p95", "p99"}) {
                assertThat(results.at("/b2/latencyMs/" + request + "/" + percentile).asDouble()).isPositive();
            }
        }
        assertThat(results.at("/ratios/b2OverB1").asDouble()).isPositive();
        assertThat(results.at("/ratios/b1TaskCompletionsOverB0").asDouble()).isPositive();
        for (String size : new String[] {"10", "20"}) {
            assertThat(results.at("/b3/sizes/" + size + "/cases").asLong()).isGreaterThanOrEqualTo(Long.parseLong(size));
            // the loaded cases carry the history of their stages: the steps before it, in the engine's and ours
            assertThat(results.at("/b3/sizes/" + size + "/historyRowsPerCase").asDouble()).isGreaterThanOrEqualTo(20);
            assertThat(results.at("/b3/sizes/" + size + "/tables/case_history/rows").asLong())
                    .isGreaterThan(3L * Long.parseLong(size));
            assertThat(results.at("/b3/sizes/" + size + "/tables/act_hi_taskinst/rows").asLong())
                    .isGreaterThan(3L * Long.parseLong(size));
            assertThat(results.at("/b3/sizes/" + size + "/databaseMb").asDouble()).isPositive();
            for (String query : BenchResults.QUERIES) {
                assertThat(results.at("/b3/sizes/" + size + "/queriesMs/" + query + "/p50").asDouble()).isPositive();
                assertThat(results.at("/b3/sizes/" + size + "/queriesMs/" + query + "/p95").asDouble()).isPositive();
            }
        }
        for (String query : BenchResults.QUERIES) {
            assertThat(results.at("/b3/p95Ratios/" + query).asDouble()).isPositive();
        }
        // the dashboard counted afresh, each request after a change, beside the figures kept between changes
        for (String query : BenchResults.DASHBOARD_AFTER_CHANGES) {
            assertThat(results.at("/b3/sizes/20/queriesMs/" + query + "/p50").asDouble()).isPositive();
        }
        for (String figure : new String[] {"startupSeconds", "restartPackagedJarToReadySeconds", "restartToReadySeconds",
                "restartedApplicationRssMb",
                "heapUsedMb", "rssMb"}) {
            assertThat(results.at("/footprint/" + figure).asDouble()).isPositive();
        }
        for (String query : BenchResults.QUERIES) {
            assertThat(results.at("/footprint/restartedApplicationQueriesMs/" + query + "/p95").asDouble()).isPositive();
        }
        assertThat(results.path("targets")).hasSize(1 + 4 + 2 * BenchResults.QUERIES.length
                + BenchResults.DASHBOARD_AFTER_CHANGES.size() + 2);
        assertThat(results.path("targets").findValuesAsText("figure")).contains(
                "B1 JVM CPU per task completion (ms)", "B1 PostgreSQL commits per task completion",
                "B2 JVM CPU per task completion (ms)", "B2 PostgreSQL commits per task completion");
        assertThat(output.resolve("results.md")).content().contains("B0 database ceiling", "B3 at 20 cases");
    }
}
