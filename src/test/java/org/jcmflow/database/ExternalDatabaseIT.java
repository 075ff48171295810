package org.jcmflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jcmflow.testsupport.ApplicationProcess;
import org.jcmflow.testsupport.RunsBesideTheOthers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With JCM_DB_URL and its user and password set, the application runs on that server and starts none. The packaged
 * application in a process of its own, as an operator runs it: an application started inside the test JVM would
 * take over the Camunda webapps' engine registry of the applications the other tests share.
 */
@RunsBesideTheOthers
@Order(RunsBesideTheOthers.EXTERNAL_DATABASE)
class ExternalDatabaseIT {

    @TempDir
    Path work;

    @Test
    void theApplicationUsesTheConfiguredServer() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            JdbcClient.create(external.getPostgresDatabase()).sql("create database jcmflow").update();
            Path dataDirectory = work.resolve("data");
            try (ApplicationProcess application = ApplicationProcess.start(work, "external",
                    ApplicationProcess.freePort(), ApplicationProcess.externalDatabase(external, "jcmflow", dataDirectory),
                    List.of())) {
                String caseId = application.driver().openCase(PROPONENT, "On the external server");
                long stored = JdbcClient.create(external.getDatabase("postgres", "jcmflow"))
                        .sql("select count(*) from project_case where id = cast(? as uuid)").param(caseId)
                        .query(Long.class).single();
                assertThat(stored).isEqualTo(1);
                assertThat(application.log()).doesNotContain("Starting embedded PostgreSQL");
            }
            assertThat(Files.exists(dataDirectory.resolve("postgres"))).as("an embedded database's data").isFalse();
        }
    }
}
