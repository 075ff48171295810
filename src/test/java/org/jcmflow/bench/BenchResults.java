package org.jcmflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every figure of one run, the targets they are held to, as JSON and as the table the run prints. */
final class BenchResults {

    static final String[] QUERIES = {"tasksOfProgrammeManager", "tasksOfProponent", "casesInStage", "caseFile",
            "searchCases", "searchTasks", "dashboard"};

    /**
     * The dashboard right after a change (a budget entered; a proposal submitted), held to its limit at the largest
     * size only: at the smallest it is a few milliseconds' work.
     */
    static final List<String> DASHBOARD_AFTER_CHANGES = List.of("dashboardAfterAChange", "dashboardAfterACase");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();
    private final List<String> rows = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private LifecycleRun.Result engine;
    private DatabaseCeiling.Result ceiling;
    private final List<Integer> sizes = new ArrayList<>();

    record Target(String figure, double value, String comparison, double limit) {

        boolean met() {
            return comparison.equals(">=") ? value >= limit : value <= limit;
        }
    }

    /** The JVM options of the restarts, named in their rows. */
    private final List<String> restartJvmOptions;

    BenchResults(BenchSettings settings) {
        restartJvmOptions = settings.restartJvmOptions();
        ObjectNode run = root.putObject("run");
        run.put("at", Instant.now().toString());
        run.put("processors", Runtime.getRuntime().availableProcessors());
        run.put("java", System.getProperty("java.version"));
        run.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        run.put("threads", settings.threads());
        run.put("lifecycles", settings.lifecycles());
        run.putPOJO("sizes", settings.sizes());
        run.put("requestsPerQuery", settings.measuredRequests());
    }

    void startup(double contextSeconds, double jvmUptimeSeconds) {
        ObjectNode footprint = root.with("footprint");
        footprint.put("startupSeconds", round(contextSeconds));
        footprint.put("jvmUptimeAtReadySeconds", round(jvmUptimeSeconds));
    }

    void databaseCeiling(DatabaseCeiling.Result result) {
        ceiling = result;
        ObjectNode b0 = root.putObject("b0");
        b0.put("threads", result.threads());
        b0.put("commits", result.commits());
        b0.put("seconds", round(result.seconds()));
        b0.put("commitsPerSecond", round(result.commitsPerSecond()));
        rows.add(row("B0 database ceiling", "commits/s", result.commitsPerSecond(), ""));
    }

    void engine(LifecycleRun.Result result) {
        engine = result;
        root.set("b1", lifecycles(result));
        rows.add(row("B1 engine floor", "lifecycles/s", result.lifecyclesPerSecond(), ""));
        rows.add(row("B1 engine floor", "task completions/s", result.taskCompletionsPerSecond(), ""));
        rows.add(row("B1 engine floor", "commits per lifecycle", result.commitsPerLifecycle(), ""));
        perCompletion("B1 engine floor", "B1", result);
    }

    /** The work per task completion, each held to its target: the JVM's CPU time and PostgreSQL's commits. */
    private void perCompletion(String phase, String name, LifecycleRun.Result result) {
        rows.add(row(phase, "JVM CPU per task completion (ms)", result.cpuMillisPerTaskCompletion(), ""));
        rows.add("| " + phase + " | of it, about: JIT compiling / garbage collection per task completion (ms) | "
                + format(result.compilingMillisPerTaskCompletion()) + " / "
                + format(result.collectingMillisPerTaskCompletion()) + " | |");
        rows.add(row(phase, "commits per task completion", result.commitsPerTaskCompletion(), ""));
        targets.add(new Target(name + " JVM CPU per task completion (ms)", result.cpuMillisPerTaskCompletion(), "<=",
                40));
        targets.add(new Target(name + " PostgreSQL commits per task completion", result.commitsPerTaskCompletion(),
                "<=", 4));
    }

    void api(LifecycleRun.Result result, ApiLifecycles latencies) {
        ObjectNode b2 = lifecycles(result);
        ObjectNode latency = b2.putObject("latencyMs");
        for (Map.Entry<String, Percentiles> kind : Map.of("start", latencies.start,
                "complete", latencies.complete).entrySet()) {
            ObjectNode figures = latency.putObject(kind.getKey());
            for (int percentile : new int[] {50, 95, 99}) {
                figures.put("p" + percentile, round(kind.getValue().millis(percentile)));
            }
            figures.put("requests", kind.getValue().count());
        }
        root.set("b2", b2);
        rows.add(row("B2 HTTP API", "lifecycles/s", result.lifecyclesPerSecond(), ""));
        rows.add(row("B2 HTTP API", "task completions/s", result.taskCompletionsPerSecond(), ""));
        rows.add(row("B2 HTTP API", "commits per lifecycle", result.commitsPerLifecycle(), ""));
        perCompletion("B2 HTTP API", "B2", result);
        for (String kind : List.of("start", "complete")) {
            Percentiles percentiles = kind.equals("start") ? latencies.start : latencies.complete;
            rows.add("| B2 HTTP API | " + kind + " p50 / p95 / p99 (ms) | " + format(percentiles.millis(50)) + " / "
                    + format(percentiles.millis(95)) + " / " + format(percentiles.millis(99)) + " | |");
        }
        ObjectNode ratios = root.putObject("ratios");
        double overhead = result.lifecyclesPerSecond() / engine.lifecyclesPerSecond();
        double closeness = engine.taskCompletionsPerSecond() / ceiling.commitsPerSecond();
        ratios.put("b2OverB1", round(overhead));
        // for information: the per-completion targets hold the work of a step to account instead
        ratios.put("b1TaskCompletionsOverB0", round(closeness));
        rows.add(row("B1 / B0", "task completions/s over commits/s (for information)", closeness, ""));
        targets.add(new Target("B2 / B1 (lifecycles/s)", overhead, ">=", 0.5));
    }

    void volume(int size, long casesInDatabase, double loadSeconds, VolumeFootprint footprint,
                Map<String, VolumeQueries.Latency> latencies) {
        sizes.add(size);
        ObjectNode b3 = root.with("b3");
        ObjectNode atSize = b3.with("sizes").putObject(String.valueOf(size));
        atSize.put("cases", casesInDatabase);
        atSize.put("loadSeconds", round(loadSeconds));
        atSize.put("databaseMb", round(footprint.databaseMb()));
        atSize.put("historyRowsPerCase", round(footprint.historyRows() / (double) casesInDatabase));
        atSize.put("bytesPerCase", round(footprint.databaseMb() * 1024 * 1024 / casesInDatabase));
        ObjectNode tables = atSize.putObject("tables");
        footprint.tables().forEach(table -> tables.putObject(table.name()).put("rows", table.rows())
                .put("mb", round(table.mb())));
        ObjectNode queries = atSize.putObject("queriesMs");
        latencies.forEach((name, latency) -> {
            ObjectNode figures = queries.putObject(name);
            figures.put("p50", round(latency.p50()));
            figures.put("p95", round(latency.p95()));
            figures.put("requests", latency.requests());
        });
        rows.add("| B3 at " + size + " cases | load (s, cases in the database) | " + format(loadSeconds) + " ("
                + casesInDatabase + ") | |");
        rows.add("| B3 at " + size + " cases | history rows per case (engine's and ours), database MB | "
                + format(footprint.historyRows() / (double) casesInDatabase) + ", " + format(footprint.databaseMb())
                + " | |");
        latencies.forEach((name, latency) -> rows.add("| B3 at " + size + " cases | " + name + " p50 / p95 (ms) | "
                + format(latency.p50()) + " / " + format(latency.p95()) + " | |"));
    }

    void footprint(Footprint footprint) {
        ObjectNode figures = root.with("footprint");
        figures.put("heapUsedMb", round(footprint.heapUsedMb()));
        figures.put("heapCommittedMb", round(footprint.heapCommittedMb()));
        figures.put("heapMaxMb", round(footprint.heapMaxMb()));
        figures.put("rssMb", round(footprint.rssMb()));
        volumeTargets();
        rows.add(row("Footprint", "first start on an empty database, in the benchmark's JVM (s)",
                figures.path("startupSeconds").asDouble(), ""));
        rows.add(row("Footprint", "heap used after B3, full GC (MB)", footprint.heapUsedMb(), ""));
        rows.add(row("Footprint", "RSS of the benchmark's JVM after B3, loader and clients included (MB)",
                footprint.rssMb(), ""));
    }

    /** The packaged application started on the database B3 left: an operator's restart. */
    void restart(Benchmark.Restart restart) {
        ObjectNode figures = root.with("footprint");
        figures.put("restartPackagedJarToReadySeconds", round(restart.packagedJarSeconds()));
        figures.put("restartToReadySeconds", round(restart.secondsToReady()));
        figures.put("restartedApplicationRssMb", round(restart.rssMb()));
        String heap = String.join(" ", restartJvmOptions);
        rows.add(row("Footprint", "start-up to ready, java " + heap + " -jar jcm-flow.jar, on the database of B3 (s)",
                restart.packagedJarSeconds(), ""));
        String production = "start-up to ready, extracted jar with its class-data archive (README), on the database of B3 (s)";
        targets.add(new Target(production, restart.secondsToReady(), "<=", 20));
        rows.add(row("Footprint", production, restart.secondsToReady(), ""));
        ObjectNode queries = figures.putObject("restartedApplicationQueriesMs");
        restart.queries().forEach((name, latency) -> {
            queries.putObject(name).put("p50", round(latency.p50())).put("p95", round(latency.p95()));
            rows.add("| Footprint | restarted application, " + name + " p50 / p95 (ms) | " + format(latency.p50())
                    + " / " + format(latency.p95()) + " | |");
        });
        if (!sizes.isEmpty()) {
            targets.add(new Target("RSS of the application after B3's queries at " + largest() + " cases (MB)",
                    restart.rssMb(), "<=", 1024));
        }
        rows.add(row("Footprint", "RSS of the application after B3's queries (MB)", restart.rssMb(), ""));
    }

    private void volumeTargets() {
        if (sizes.isEmpty()) {
            return;
        }
        ObjectNode at = (ObjectNode) root.path("b3").path("sizes");
        ObjectNode ratios = root.with("b3").putObject("p95Ratios");
        ratios.put("of", largest() + " / " + smallest());
        for (String query : QUERIES) {
            double largeP95 = at.path(String.valueOf(largest())).path("queriesMs").path(query).path("p95").asDouble();
            double smallP95 = at.path(String.valueOf(smallest())).path("queriesMs").path(query).path("p95").asDouble();
            double ratio = largeP95 / smallP95;
            ratios.put(query, round(ratio));
            targets.add(new Target("B3 " + query + " p95 " + largest() + " / " + smallest(), ratio, "<=", 2));
            targets.add(new Target("B3 " + query + " p95 at " + largest() + " (ms)", largeP95, "<=",
                    query.equals("dashboard") ? 300 : 100));
        }
        for (String query : DASHBOARD_AFTER_CHANGES) {
            targets.add(new Target("B3 " + query + " p95 at " + largest() + " (ms)",
                    at.path(String.valueOf(largest())).path("queriesMs").path(query).path("p95").asDouble(), "<=",
                    300));
        }
    }

    private int largest() {
        return sizes.get(sizes.size() - 1);
    }

    private int smallest() {
        return sizes.get(0);
    }

    ObjectNode json() {
        ObjectNode result = root.deepCopy();
        var list = result.putArray("targets");
        for (Target target : targets) {
            ObjectNode node = list.addObject();
            node.put("figure", target.figure());
            node.put("value", round(target.value()));
            node.put("target", target.comparison() + " " + format(target.limit()));
            node.put("met", target.met());
        }
        return result;
    }

    String table() {
        StringBuilder table = new StringBuilder();
        table.append("| phase | figure | value | |\n| --- | --- | --- | --- |\n");
        rows.forEach(row -> table.append(row).append('\n'));
        table.append("\n| target | value | wanted | met |\n| --- | --- | --- | --- |\n");
        for (Target target : targets) {
            table.append("| ").append(target.figure()).append(" | ").append(format(target.value())).append(" | ")
                    .append(target.comparison()).append(' ').append(format(target.limit())).append(" | ")
                    .append(target.met() ? "yes" : "**no**").append(" |\n");
        }
        return table.toString();
    }

    void writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        JSON.writeValue(directory.resolve("results.json").toFile(), json());
        Files.writeString(directory.resolve("results.md"), table());
    }

    private static ObjectNode lifecycles(LifecycleRun.Result result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("threads", result.threads());
        node.put("lifecycles", result.lifecycles());
        node.put("taskCompletions", result.taskCompletions());
        node.put("seconds", round(result.seconds()));
        node.put("lifecyclesPerSecond", round(result.lifecyclesPerSecond()));
        node.put("taskCompletionsPerSecond", round(result.taskCompletionsPerSecond()));
        node.put("commits", result.commits());
        node.put("commitsPerLifecycle", round(result.commitsPerLifecycle()));
        node.put("commitsPerTaskCompletion", round(result.commitsPerTaskCompletion()));
        node.put("cpuSeconds", round(result.cpuSeconds()));
        node.put("cpuMsPerTaskCompletion", round(result.cpuMillisPerTaskCompletion()));
        node.put("compilingMsPerTaskCompletion", round(result.compilingMillisPerTaskCompletion()));
        node.put("collectingMsPerTaskCompletion", round(result.collectingMillisPerTaskCompletion()));
        return node;
    }

    private static String row(String phase, String figure, double value, String note) {
        return "| " + phase + " | " + figure + " | " + format(value) + " | " + note + " |";
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
