package org.jcmflow.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.jcmflow.JcmFlowApplication;
import org.jcmflow.casefile.CaseDocuments;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.identity.RealmUsers;
import org.jcmflow.mrv.ThirdPartyEntities;
import org.jcmflow.mrv.TpeEntry;
import org.jcmflow.notification.Notifications;
import org.jcmflow.testsupport.ApplicationProcess;
import org.jcmflow.testsupport.DemoUser;
import org.jcmflow.testsupport.PublicInputTimers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Throughput against the engine and the database, latency at volume, footprint: starts the application on a fresh
 * embedded PostgreSQL with a real server's durability (fsync on), runs B0 to B3 in one process side by side, and
 * writes {@code results.json} and {@code results.md} (the table it prints) to the output directory. The figures
 * that matter are ratios of one run; absolute times depend on the machine and what else runs on it.
 */
public final class Benchmark {

    private final BenchSettings settings;

    Benchmark(BenchSettings settings) {
        this.settings = settings;
    }

    BenchResults run() throws Exception {
        // a database kept after the run, to look into its plans and sizes, or a fresh one removed afterwards
        Path data = settings.keptDatabase() != null ? settings.keptDatabase() : Files.createTempDirectory("jcm-bench-");
        BenchResults results = new BenchResults(settings);
        List<String> volumeCaseIds = List.of();
        log("Starting the application on a fresh PostgreSQL in " + data);
        long starting = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(JcmFlowApplication.class).run(
                "--server.port=0",
                "--jcm.embedded-db.data-directory=" + data.resolve("postgres"),
                // a line per step and per mail would be the bulk of the run's work and output
                "--logging.level.org.jcmflow=warn",
                "--spring.main.banner-mode=off")) {
            results.startup(seconds(starting), ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Commits commits = new Commits(jdbc, app.getBean(ManagementService.class), settings.commitsQuiet());
            CaseFileService cases = app.getBean(CaseFileService.class);
            RealmUsers realmUsers = app.getBean(RealmUsers.class);
            // the cases' JCM tracks name a TPE designated for their partner country; their public inputs run out
            JcmProcedureSteps jcm = new JcmProcedureSteps(String.valueOf(app.getBean(ThirdPartyEntities.class)
                    .designate(new TpeEntry("Benchmark TPE", List.of("VN"), List.of(3), LocalDate.of(2014, 1, 1),
                            null), realmUsers.user(DemoUser.PROGRAM_MANAGER)).id()),
                    caseId -> PublicInputTimers.runOut(app, caseId));

            log("B0: committed single-row inserts, " + settings.threads() + " threads, " + settings.databaseCeilingTime());
            results.databaseCeiling(new DatabaseCeiling(app.getBean(DataSource.class))
                    .measure(settings.threads(), settings.databaseCeilingTime()));
            // after each phase, so that a run stopped half-way still leaves its figures
            results.writeTo(settings.output());

            log("B1: " + settings.lifecycles() + " lifecycles through Camunda's Java API");
            results.engine(new EngineLifecycles(cases, app.getBean(CaseDocuments.class),
                    app.getBean(TaskService.class), realmUsers, app.getBean(TransactionTemplate.class), jcm)
                    .run(settings.threads(), settings.lifecycles(), commits));
            results.writeTo(settings.output());

            log("B2: " + settings.lifecycles() + " lifecycles through the HTTP API");
            ApiLifecycles api = new ApiLifecycles(port, jcm);
            results.api(api.run(settings.threads(), settings.lifecycles(), commits), api);
            results.writeTo(settings.output());

            CaseVolume volume = new CaseVolume(cases, app.getBean(RuntimeService.class), realmUsers,
                    app.getBean(TransactionTemplate.class), app.getBean(Notifications.class),
                    new CaseHistories(app.getBean(DataSource.class), app.getBean(RepositoryService.class)));
            VolumeQueries queries = new VolumeQueries(port);
            for (int size : settings.sizes()) {
                log("B3: loading up to " + size + " cases");
                long loading = System.nanoTime();
                volume.growTo(size, settings.threads(), settings.loadBatchSize());
                // queries are measured on a quiet engine
                commits.awaitWorkDone();
                double loadSeconds = seconds(loading);
                log("B3: " + size + " cases loaded in " + Math.round(loadSeconds) + " s; querying");
                long casesInDatabase = jdbc.sql("select count(*) from project_case").query(Long.class).single();
                results.volume(size, casesInDatabase, loadSeconds, VolumeFootprint.measure(jdbc),
                        queries.measure(volume.caseIds(), settings.warmUpRequests(), settings.measuredRequests()));
                results.writeTo(settings.output());
            }
            results.footprint(Footprint.measure());
            volumeCaseIds = volume.caseIds();
        }
        try {
            log("Restart: the packaged application, java " + String.join(" ", settings.restartJvmOptions())
                    + " -jar, on the database B3 left; B3's queries on it, then its memory");
            results.restart(restart(data, volumeCaseIds));
        } finally {
            if (settings.keptDatabase() == null) {
                FileSystemUtils.deleteRecursively(data);
            }
        }
        results.writeTo(settings.output());
        System.out.println(results.table());
        return results;
    }

    /**
     * @param packagedJarSeconds {@code java -jar} on the packaged jar, which loads its classes from nested jars
     * @param secondsToReady the launch README gives for production: the jar extracted, with a class-data archive
     */
    record Restart(double packagedJarSeconds, double secondsToReady, Map<String, VolumeQueries.Latency> queries,
                   double rssMb) {
    }

    /**
     * The application as an operator runs it, on the database the run leaves (its cases, its deployed processes),
     * in a JVM of its own with nothing loaded or compiled beforehand: seconds from {@code java} until health
     * answers, first for the packaged jar as it is, then for the launch README gives for production (the jar
     * extracted, with the class-data archive of a training run, as Spring Boot documents); on the latter, B3's
     * queries once more and its resident memory after them (the benchmark's own JVM also holds the loader and the
     * clients).
     */
    private Restart restart(Path data, List<String> caseIds) throws Exception {
        Map<String, String> environment = Map.of("JCM_DATA_DIR", data.toString());
        long starting = System.nanoTime();
        double packagedJarSeconds;
        try (ApplicationProcess packaged = ApplicationProcess.start(settings.restartJvmOptions(), data, "restart",
                ApplicationProcess.freePort(), environment, List.of())) {
            packagedJarSeconds = seconds(starting);
        }

        Path extracted = settings.restartLaunch() != null ? null : Files.createTempDirectory("jcm-bench-application-");
        try {
            ApplicationProcess.Launch launch = extracted == null ? settings.restartLaunch()
                    : ApplicationProcess.extractWithClassDataArchive(extracted, settings.restartJvmOptions());
            List<String> options = new ArrayList<>(settings.restartJvmOptions());
            options.add("-XX:SharedArchiveFile=" + launch.classDataArchive());
            long started = System.nanoTime();
            try (ApplicationProcess application = ApplicationProcess.start(launch.jar(), options, data, "restart-cds",
                    ApplicationProcess.freePort(), environment, List.of())) {
                double secondsToReady = seconds(started);
                Map<String, VolumeQueries.Latency> queries = caseIds.isEmpty() ? Map.of()
                        : new VolumeQueries(application.port()).measure(caseIds, settings.warmUpRequests(),
                        settings.measuredRequests());
                return new Restart(packagedJarSeconds, secondsToReady, queries,
                        Footprint.residentSetMb(application.pid()));
            }
        } finally {
            if (extracted != null) {
                FileSystemUtils.deleteRecursively(extracted);
            }
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static void log(String message) {
        System.out.println("[bench " + Instant.now() + "] " + message);
    }

    /**
     * The benchmark in a JVM of its own: at the sizes of the system properties, or, with
     * {@code --smoke DIR JAR ARCHIVE}, at the smoke test's tiny sizes with its results in DIR, restarting on the
     * extracted JAR with its class-data ARCHIVE.
     */
    public static void main(String[] args) throws Exception {
        BenchSettings settings = args.length == 4 && args[0].equals("--smoke")
                ? BenchSettings.smoke(Path.of(args[1]),
                        new ApplicationProcess.Launch(Path.of(args[2]), Path.of(args[3])))
                : BenchSettings.fromSystemProperties();
        new Benchmark(settings).run();
        System.exit(0);
    }
}
