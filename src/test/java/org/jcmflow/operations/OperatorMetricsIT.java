package org.jcmflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator's Prometheus reads from /actuator/prometheus, and that only operators may read it. */
@ApplicationTest
class OperatorMetricsIT {

    @LocalServerPort
    int port;

    @Test
    void prometheusReadsTheOpenTasksByStageAndRoleTheOverdueTasksTheJobsAndTheIncidents(CaseDriver driver) {
        ApiClient operator = ApiClient.as(port, ADMIN);
        long screeningsBefore = figure(scrape(operator), "jcm_tasks_open", "stage=\"FEASIBILITY_STUDY\"",
                "role=\"program-manager\"");

        driver.openCase(PROPONENT, "Waste heat recovery in Thailand");

        String scraped = scrape(operator);
        assertThat(figure(scraped, "jcm_tasks_open", "stage=\"FEASIBILITY_STUDY\"", "role=\"program-manager\""))
                .as("the new proposal's screening, for the programme managers").isEqualTo(screeningsBefore + 1);
        assertThat(scraped).contains("# TYPE jcm_tasks_overdue gauge", "# TYPE jcm_jobs_due gauge",
                "# TYPE jcm_jobs_failing gauge", "# TYPE jcm_jobs_failed gauge", "# TYPE jcm_incidents gauge",
                "# TYPE jcm_mail_failures_total counter");
        assertThat(figure(scraped, "jcm_incidents")).isZero();

        assertThat(ApiClient.as(port, PROGRAM_MANAGER).get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get("/actuator/prometheus").status()).isIn(302, 401);
    }

    private static String scrape(ApiClient operator) {
        ApiClient.Response answer = operator.get("/actuator/prometheus", "text/plain");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain");
        return answer.text();
    }

    /** The value of the metric's line holding all the labels given, 0 when there is none. */
    private static long figure(String scraped, String metric, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + metric + "(\\{[^}]*})? (\\S+)$").matcher(scraped);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return (long) Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }
}
