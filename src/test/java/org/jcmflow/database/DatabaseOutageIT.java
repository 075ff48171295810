package org.jcmflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.ApplicationProcess.pause;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationProcess;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.RunsBesideTheOthers;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL stopped for a while under light load: requests fail fast with 503 problem+json, health says DOWN, and
 * the application serves again by itself, without a restart, once the database is back.
 */
@RunsBesideTheOthers
@Order(RunsBesideTheOthers.DATABASE_OUTAGE)
class DatabaseOutageIT {

    /**
     * Hikari gives up on a connection after 3 s (its default is 30 s): with the work around it, an answer within this
     * time shows that nothing hangs, also on a busy build machine.
     */
    private static final Duration FAST = Duration.ofSeconds(8);
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @TempDir
    Path work;

    @Test
    void whileTheDatabaseIsAwayRequestsAreAnswered503FastAndServiceComesBackByItself() throws Exception {
        Path dataDirectory = work.resolve("postgres");
        int databasePort = ApplicationProcess.freePort();
        EmbeddedPostgres postgres = startPostgres(dataDirectory, databasePort);
        JdbcClient.create(postgres.getPostgresDatabase()).sql("create database jcmflow").update();
        try (ApplicationProcess application = ApplicationProcess.start(work, "outage", ApplicationProcess.freePort(),
                ApplicationProcess.externalDatabase(postgres, "jcmflow", work.resolve("data")), List.of())) {
            CaseDriver driver = application.driver();
            String before = driver.openCase(PROPONENT, "Opened before the outage");
            String screening = driver.openTask(before, "Task_ScreenProposal");
            ApiClient programManager = driver.as(PROGRAM_MANAGER);
            ApiClient proponent = driver.as(PROPONENT);
            ApiClient anonymous = ApiClient.anonymous(application.port());
            assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);

            List<Function<Integer, ApiClient.Response>> requests = List.of(
                    round -> proponent.post("/api/cases", CaseDriver.newCase("During the outage " + round)),
                    round -> programManager.get("/api/cases"),
                    round -> programManager.get("/api/cases/" + before),
                    round -> programManager.get("/api/tasks"),
                    round -> programManager.post("/api/tasks/" + screening + "/complete",
                            Map.of("variables", ValidSubmissions.of("Task_ScreenProposal"))),
                    round -> programManager.get("/api/dashboard"));

            postgres.close();
            Instant stopped = Instant.now();
            Map<Integer, Integer> statuses = new TreeMap<>();
            Duration slowest = Duration.ZERO;
            int sent = 0;
            int healthDown = 0;
            ExecutorService users = Executors.newFixedThreadPool(requests.size());
            for (int round = 0; Instant.now().isBefore(stopped.plus(OUTAGE)); round++) {
                int thisRound = round;
                // the round's requests at once, as several users would send them
                List<Future<Answer>> answers = new ArrayList<>();
                for (Function<Integer, ApiClient.Response> request : requests) {
                    answers.add(users.submit(() -> {
                        Instant start = Instant.now();
                        ApiClient.Response response = request.apply(thisRound);
                        return new Answer(response, Duration.between(start, Instant.now()));
                    }));
                }
                for (Future<Answer> pending : answers) {
                    Answer answer = pending.get();
                    ApiClient.Response response = answer.response();
                    sent++;
                    slowest = answer.took().compareTo(slowest) > 0 ? answer.took() : slowest;
                    statuses.merge(response.status(), 1, Integer::sum);
                    assertThat(response.status()).as("answer while the database is away: %s%nthe application's"
                            + " errors:%n%s", response.text(), errorsIn(application.log())).isEqualTo(503);
                    assertThat(response.contentType()).isEqualTo("application/problem+json");
                    assertThat(response.json().path("status").asInt()).isEqualTo(503);
                    assertThat(response.header("Retry-After")).isNotBlank();
                    assertThat(answer.took()).as("time to answer").isLessThan(FAST);
                }
                Instant start = Instant.now();
                ApiClient.Response health = anonymous.get("/actuator/health");
                assertThat(Duration.between(start, Instant.now())).as("time to answer health").isLessThan(FAST);
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json().path("status").asText()).isEqualTo("DOWN");
                healthDown++;
            }

            users.shutdown();

            postgres = startPostgres(dataDirectory, databasePort);
            Instant restarted = Instant.now();
            Instant deadline = restarted.plus(Duration.ofMinutes(1));
            while (anonymous.get("/actuator/health").status() != 200 && Instant.now().isBefore(deadline)) {
                pause(Duration.ofMillis(250));
            }
            Duration recovery = Duration.between(restarted, Instant.now());
            assertThat(anonymous.get("/actuator/health").json().path("status").asText()).isEqualTo("UP");

            List<Integer> after = new ArrayList<>();
            after.add(programManager.get("/api/cases/" + before).status());
            after.add(programManager.post("/api/tasks/" + screening + "/complete",
                    Map.of("variables", ValidSubmissions.of("Task_ScreenProposal"))).status());
            assertThat(after).as("the case opened before the outage, served again").containsExactly(200, 204);
            String afterwards = driver.openCase(PROPONENT, "Opened after the outage");
            driver.complete(afterwards, "Task_ScreenProposal", PROGRAM_MANAGER);
            assertThat(driver.openTask(before, "Task_SubmitFeasibilityReport")).isNotBlank();
            long duringOutage = JdbcClient.create(postgres.getDatabase("postgres", "jcmflow"))
                    .sql("select count(*) from project_case where title like 'During the outage%'")
                    .query(Long.class).single();
            assertThat(duringOutage).as("cases stored though refused").isZero();

            System.out.printf("Database outage of %d s: %d requests sent, answers by status %s, slowest %d ms; health"
                    + " DOWN %d times; served again %d ms after the database came back, without a restart%n",
                    OUTAGE.toSeconds(), sent, statuses, slowest.toMillis(), healthDown, recovery.toMillis());
        } finally {
            postgres.close();
        }
    }

    private record Answer(ApiClient.Response response, Duration took) {
    }

    private static EmbeddedPostgres startPostgres(Path dataDirectory, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                .start();
    }

    /** The application's logged errors with their first lines of stack, to tell why a request was answered 500. */
    private static String errorsIn(String log) {
        StringBuilder errors = new StringBuilder();
        String[] lines = log.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(" ERROR ")) {
                for (int j = i; j < Math.min(lines.length, i + 12); j++) {
                    errors.append(lines[j]).append('\n');
                }
            }
        }
        return errors.toString();
    }
}
