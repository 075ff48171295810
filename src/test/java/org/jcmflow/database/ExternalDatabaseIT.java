package org.jcmflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jcmflow.JcmFlowApplication;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With JCM_DB_URL and its user and password set, the application runs on that server and starts none. */
class ExternalDatabaseIT {

    @Test
    void theApplicationUsesTheConfiguredServer() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            JdbcClient.create(external.getPostgresDatabase()).sql("create database jcmflow").update();
            String url = external.getJdbcUrl("postgres", "jcmflow");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(JcmFlowApplication.class)
                    .run("--server.port=0", "--JCM_DB_URL=" + url, "--JCM_DB_USER=postgres", "--JCM_DB_PASSWORD=unused")) {
                assertThat(app.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
                CaseDriver driver = new CaseDriver(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
                String caseId = driver.openCase(PROPONENT, "On the external server");
                long stored = JdbcClient.create(external.getDatabase("postgres", "jcmflow"))
                        .sql("select count(*) from project_case where id = cast(? as uuid)").param(caseId)
                        .query(Long.class).single();
                assertThat(stored).isEqualTo(1);
            }
        }
    }
}
