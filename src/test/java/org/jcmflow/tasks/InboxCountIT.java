package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * An inbox counts its tasks only so far (here 3, in production 1,000): past that it says "or more", and its pages
 * still reach every task. An application of its own, so that no other test's tasks are counted.
 */
@ApplicationTest
@TestPropertySource(properties = "jcm.tasks.inbox-counted-at-most=3")
class InboxCountIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEnginesTaskTableHasTheIndexesTheInboxAndEveryCompletionNeed() {
        assertThat(jdbc.sql("select indexname, indexdef from pg_indexes where tablename = 'act_ru_task'")
                .query((rs, row) -> rs.getString(1) + ": " + rs.getString(2)).list())
                .anySatisfy(index -> assertThat(index).startsWith("act_idx_task_inbox_order:")
                        .contains("(due_date_, create_time_)"))
                .anySatisfy(index -> assertThat(index).startsWith("act_idx_task_parent:")
                        .contains("(parent_task_id_)"));
    }

    @Test
    void anInboxWithMoreTasksThanItCountsSaysSoAndItsPagesReachThemAll(CaseDriver driver) {
        List<String> screenings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            screenings.add(driver.openTask(driver.openCase(PROPONENT, "Counted case " + i), "Task_ScreenProposal"));
        }
        String otherOrganisations = driver.openCase(OTHER_PROPONENT, "Another organisation's case");

        JsonNode firstPage = driver.as(PROGRAM_MANAGER).get("/api/tasks?size=2").json();
        assertThat(firstPage.path("totalElements").asLong()).isEqualTo(3);
        assertThat(firstPage.path("totalIsLowerBound").asBoolean()).isTrue();

        List<String> listed = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            driver.as(PROGRAM_MANAGER).get("/api/tasks?size=2&page=" + page).json().path("content")
                    .forEach(task -> listed.add(task.path("id").asText()));
        }
        assertThat(listed).hasSize(6).doesNotHaveDuplicates().containsAll(screenings);

        // a proponent's inbox, narrowed to the cases of the organisation, is counted exactly below the limit
        driver.complete(otherOrganisations, "Task_ScreenProposal", PROGRAM_MANAGER);
        JsonNode proponents = driver.as(OTHER_PROPONENT).get("/api/tasks").json();
        assertThat(proponents.path("totalElements").asLong()).isEqualTo(1);
        assertThat(proponents.path("totalIsLowerBound").asBoolean()).isFalse();
        assertThat(proponents.path("content")).hasSize(1);
        assertThat(proponents.path("content").get(0).path("caseTitle").asText())
                .isEqualTo("Another organisation's case");
    }
}
