package org.jcmflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One search box over cases and tasks: the title, technology, organisation, partner country and case number, as
 * substrings in any script, within what the searcher may see, paged; and a trigram index that answers it.
 */
@ApplicationTest
class CaseSearchIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    final CaseDriver driver;

    CaseSearchIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void theSearchFindsCasesAndTheirTasksByAnyOfTheirWordsWithinWhatTheSearcherMaySee() {
        String osaka = driver.openCase(PROPONENT, "大阪ごみ発電実証");
        Map<String, Object> heat = CaseDriver.newCase("Searched: district heating");
        heat.put("technology", "Ground-source HEAT pumps");
        heat.put("partnerCountry", "MN");
        String mongolia = driver.openCase(PROPONENT, heat);
        String sakura = driver.openCase(OTHER_PROPONENT, "Searched: 100% solar_power");

        assertThat(cases(PROGRAM_MANAGER, "ごみ発電")).containsExactly(osaka);
        assertThat(cases(PROGRAM_MANAGER, "heat PUMPS")).containsExactly(mongolia);
        assertThat(cases(PROGRAM_MANAGER, "mongolia")).contains(mongolia).doesNotContain(osaka, sakura);
        assertThat(cases(PROGRAM_MANAGER, "モンゴル")).contains(mongolia).doesNotContain(osaka, sakura);
        assertThat(cases(PROGRAM_MANAGER, osaka.substring(0, 13))).containsExactly(osaka);
        assertThat(cases(PROGRAM_MANAGER, "sakura-engineering")).contains(sakura).doesNotContain(osaka, mongolia);
        assertThat(cases(PROGRAM_MANAGER, "100%")).as("a wildcard is taken literally").containsExactly(sakura);
        assertThat(cases(PROGRAM_MANAGER, "r_p")).as("a wildcard is taken literally").containsExactly(sakura);
        assertThat(cases(OTHER_PROPONENT, "ごみ発電")).as("another organisation's case").isEmpty();

        assertThat(tasks(PROGRAM_MANAGER, "ごみ発電")).containsExactly(driver.openTask(osaka, "Task_ScreenProposal"));
        assertThat(tasks(PROGRAM_MANAGER, "モンゴル")).contains(driver.openTask(mongolia, "Task_ScreenProposal"))
                .doesNotContain(driver.openTask(osaka, "Task_ScreenProposal"));

        ApiClient.Response paged = driver.as(PROGRAM_MANAGER).get("/api/cases?q=searched&size=1&page=1");
        assertThat(paged.json().path("totalElements").asLong()).isEqualTo(2);
        assertThat(paged.json().path("content")).hasSize(1);
        for (String path : List.of("/api/cases", "/api/tasks")) {
            ApiClient.Response tooLong = driver.as(PROGRAM_MANAGER).get(path + "?q=" + "x".repeat(201));
            assertThat(tooLong.status()).as(path).isEqualTo(400);
            assertThat(tooLong.text()).contains("\"q\"");
        }
    }

    @Test
    void aTrigramIndexAnswersTheSearchInAnyScript() {
        assertThat(jdbc.sql("select count(*) from pg_indexes where indexname = 'project_case_search'")
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select array_length(show_trgm('大阪ごみ発電実証'), 1)").query(Integer.class).single())
                .as("Japanese makes trigrams").isGreaterThan(3);
        String plan = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("explain select id from project_case where search_text like '%ごみ発電%'")
                    .query(String.class).list());
        });
        assertThat(plan).contains("project_case_search");
    }

    private List<String> cases(String username, String query) {
        ApiClient.Response found = driver.as(username).get("/api/cases?size=200&q=" + encode(query));
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        return ids(found.json().path("content"));
    }

    private List<String> tasks(String username, String query) {
        ApiClient.Response found = driver.as(username).get("/api/tasks?size=200&q=" + encode(query));
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        return ids(found.json().path("content"));
    }

    private static List<String> ids(JsonNode content) {
        List<String> ids = new ArrayList<>();
        content.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
