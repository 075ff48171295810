package org.jcmflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jcmflow.testsupport.ApplicationProcess;
import org.jcmflow.testsupport.RunsBesideTheOthers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application run while developing ({@code ./mvnw spring-boot:run}, from target/classes) and then as packaged
 * ({@code java -jar}) on the same database deploys its models once: the second launch finds them deployed and every
 * case stays on the version it runs on. Both in processes of their own, beside the other tests.
 */
@RunsBesideTheOthers
@Order(RunsBesideTheOthers.LAUNCHES)
class LaunchesOnOneDatabaseIT {

    @TempDir
    Path work;

    @Test
    void thePackagedApplicationKeepsTheModelsAndCasesOfTheApplicationRunFromItsClasses() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            JdbcClient.create(server.getPostgresDatabase()).sql("create database jcmflow").update();
            JdbcClient database = JdbcClient.create(server.getDatabase("postgres", "jcmflow"));
            Map<String, String> environment = ApplicationProcess.externalDatabase(server, "jcmflow",
                    work.resolve("data"));
            String caseId;
            try (ApplicationProcess developing = ApplicationProcess.startFromClasses(work, "classes",
                    ApplicationProcess.freePort(), environment)) {
                caseId = developing.driver().openCase(PROPONENT, "Opened while developing");
            }
            List<String> deployed = definitions(database);

            try (ApplicationProcess packaged = ApplicationProcess.startPackagedJar(work, "jar",
                    ApplicationProcess.freePort(), environment)) {
                assertThat(definitions(database)).as("the process definitions").isEqualTo(deployed);
                packaged.driver().complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
                assertThat(packaged.driver().openTask(caseId, "Task_SubmitFeasibilityReport")).isNotBlank();
                assertThat(packaged.log()).doesNotContain("moved to the latest models");
            }
        }
    }

    private static List<String> definitions(JdbcClient database) {
        return database.sql("select key_ || ' v' || version_ from act_re_procdef order by key_, version_")
                .query(String.class).list();
    }
}
