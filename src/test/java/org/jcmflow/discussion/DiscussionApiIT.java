package org.jcmflow.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER_OF_SAKURA;
import static org.jcmflow.testsupport.DemoUser.JOINT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;
import static org.jcmflow.testsupport.DemoUser.VERIFIER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The discussion on a case and the in-app inbox through the API: who reads and writes which comments, mentions
 * that reach the person mentioned, and a proponent who never reads an internal comment, whichever way they ask.
 */
@ApplicationTest
class DiscussionApiIT {

    @LocalServerPort
    int port;

    /** Only to tell that a refused comment wrote nothing. */
    @Autowired
    JdbcClient jdbc;

    final CaseDriver driver;

    DiscussionApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void whoeverMaySeeTheCaseReadsAndWritesItsCommentsAndNobodyElse() {
        String caseId = driver.openCase(PROPONENT, "Solar pumps for irrigation");
        ApiClient.Response written = comment(PROPONENT, caseId, Map.of("text", "We can add a second site if needed."));
        assertThat(written.status()).as(written.text()).isEqualTo(201);
        assertThat(written.json().path("author").asText()).isEqualTo(PROPONENT);
        assertThat(written.json().path("internal").asBoolean()).isFalse();

        ApiClient.Response reply = comment(PROGRAM_MANAGER, caseId, Map.of("text", "Thank you, noted."));
        assertThat(reply.status()).isEqualTo(201);
        for (String reader : List.of(PROPONENT, PROGRAM_MANAGER, COMMITTEE_MEMBER, VERIFIER, JOINT_COMMITTEE, ADMIN)) {
            assertThat(texts(reader, caseId)).as(reader)
                    .containsExactly("We can add a second site if needed.", "Thank you, noted.");
        }
        assertThat(driver.as(OTHER_PROPONENT).get("/api/cases/" + caseId + "/comments").status())
                .as("another organisation's proponent: no such case").isEqualTo(404);
        assertThat(comment(OTHER_PROPONENT, caseId, Map.of("text", "Hello")).status()).isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get("/api/cases/" + caseId + "/comments").status()).isEqualTo(401);
        assertThat(commentCount(caseId)).isEqualTo(2);
    }

    @Test
    void anInternalCommentIsTheProgrammeOfficesAndTheCommitteesAndNeverTheProponents() {
        String caseId = driver.openCase(OTHER_PROPONENT, "Waste heat recovery at a cement plant");
        ApiClient.Response internal = comment(PROGRAM_MANAGER, caseId,
                Map.of("text", "Internal: the budget looks high; @kobayashi please check.", "internal", true));
        assertThat(internal.status()).as(internal.text()).isEqualTo(201);
        assertThat(internal.json().path("internal").asBoolean()).isTrue();
        comment(PROGRAM_MANAGER, caseId, Map.of("text", "Public: please upload the site photos."));

        for (String reader : List.of(PROGRAM_MANAGER, COMMITTEE_MEMBER, JOINT_COMMITTEE, ADMIN)) {
            assertThat(texts(reader, caseId)).as(reader).hasSize(2);
        }
        // the proponents, and the committee member of the proponent's own organisation
        for (String reader : List.of(OTHER_PROPONENT, COMMITTEE_MEMBER_OF_SAKURA, VERIFIER)) {
            assertThat(texts(reader, caseId)).as(reader).containsExactly("Public: please upload the site photos.");
        }
        // nor on the case page, nor filtered by a task, nor in the case file
        PageSession suzuki = new PageSession(port, OTHER_PROPONENT);
        String page = suzuki.get("/cases/" + caseId).html();
        assertThat(page).contains("Public: please upload the site photos.").doesNotContain("budget looks high");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        assertThat(driver.as(OTHER_PROPONENT).get("/api/cases/" + caseId + "/comments?taskId=" + screening).text())
                .doesNotContain("budget looks high");
        assertThat(driver.as(OTHER_PROPONENT).get("/api/cases/" + caseId).text()).doesNotContain("budget looks high");

        // a proponent cannot write one, nor be mentioned in one
        long before = commentCount(caseId);
        ApiClient.Response byProponent = comment(OTHER_PROPONENT, caseId, Map.of("text", "Secret", "internal", true));
        assertThat(byProponent.status()).isEqualTo(400);
        assertThat(byProponent.json().path("errors").toString()).contains("internal");
        ApiClient.Response mentioningProponent = comment(PROGRAM_MANAGER, caseId,
                Map.of("text", "@suzuki should not read this", "internal", true));
        assertThat(mentioningProponent.status()).isEqualTo(400);
        assertThat(mentioningProponent.text()).contains("text").contains("suzuki");
        assertThat(commentCount(caseId)).isEqualTo(before);
    }

    @Test
    void aCommentOnATaskNamesItAndTheListFiltersByIt() {
        String caseId = driver.openCase(PROPONENT, "Heat pumps for a hospital");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        ApiClient.Response onTask = comment(PROGRAM_MANAGER, caseId,
                Map.of("text", "The screening waits for the site survey.", "taskId", screening));
        assertThat(onTask.status()).as(onTask.text()).isEqualTo(201);
        assertThat(onTask.json().path("taskKey").asText()).isEqualTo("Task_ScreenProposal");
        comment(PROPONENT, caseId, Map.of("text", "On the case as a whole."));

        JsonNode filtered = driver.as(PROPONENT).get("/api/cases/" + caseId + "/comments?taskId=" + screening).json();
        assertThat(filtered).hasSize(1);
        assertThat(filtered.get(0).path("text").asText()).isEqualTo("The screening waits for the site survey.");
        assertThat(texts(PROPONENT, caseId)).hasSize(2);
    }

    @Test
    void badCommentsAre400NamingTheFieldAndWriteNothing() {
        String caseId = driver.openCase(PROPONENT, "Biogas from palm oil mill effluent");
        String otherCase = driver.openCase(PROPONENT, "Another case");
        String otherCasesTask = driver.openTask(otherCase, "Task_ScreenProposal");
        Map<Map<String, Object>, String> bad = new java.util.LinkedHashMap<>();
        bad.put(Map.of("text", "   "), "text");
        bad.put(Map.of("internal", false), "text");
        bad.put(Map.of("text", "x".repeat(4001)), "text");
        bad.put(Map.of("text", "Please look, @nobody-at-all"), "text");
        bad.put(Map.of("text", "@suzuki is of another organisation"), "text");
        bad.put(Map.of("text", "On a task of another case", "taskId", otherCasesTask), "taskId");
        bad.put(Map.of("text", "On no task", "taskId", "no-such-task"), "taskId");
        bad.put(Map.of("text", "Typed wrongly", "internal", "yes"), "internal");
        bad.put(Map.of("text", "Forged", "author", "sato"), "author");
        for (var entry : bad.entrySet()) {
            ApiClient.Response refused = comment(PROPONENT, caseId, entry.getKey());
            assertThat(refused.status()).as("%s: %s", entry.getKey(), refused.text()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text()).as(entry.getKey().toString()).contains("\"" + entry.getValue() + "\"");
        }
        assertThat(commentCount(caseId)).isZero();
    }

    @Test
    void aMentionReachesTheInboxOfThePersonMentionedWhoMarksItRead() {
        String caseId = driver.openCase(PROPONENT, "Energy management at a textile factory");
        ApiClient.Response written = comment(PROGRAM_MANAGER, caseId,
                Map.of("text", "@tanaka could you send the metering plan?"));
        assertThat(written.status()).as(written.text()).isEqualTo(201);
        long commentId = written.json().path("id").asLong();

        JsonNode mention = notification(PROPONENT, "mention", caseId);
        assertThat(mention.path("title").asText()).isEqualTo("sato mentioned you in a comment on "
                + "Energy management at a textile factory");
        assertThat(mention.path("link").asText()).isEqualTo("/cases/" + caseId + "#comment-" + commentId);
        assertThat(mention.path("readAt").isMissingNode() || mention.path("readAt").isNull()).isTrue();
        long unread = driver.as(PROPONENT).get("/api/notifications").json().path("unread").asLong();
        assertThat(unread).isPositive();

        // the Japanese reader reads it in Japanese
        ApiClient.Response japanese = driver.as(PROPONENT).get("/api/notifications?lang=ja");
        assertThat(japanese.text()).contains("satoさんがEnergy management at a textile factoryのコメントであなたを指名しました");

        String id = mention.path("id").asText();
        assertThat(driver.as(OTHER_PROPONENT).post("/api/notifications/" + id + "/read").status())
                .as("another person's notification is none of theirs").isEqualTo(404);
        assertThat(driver.as(PROPONENT).post("/api/notifications/" + id + "/read").status()).isEqualTo(204);
        assertThat(driver.as(PROPONENT).get("/api/notifications").json().path("unread").asLong()).isEqualTo(unread - 1);
        assertThat(driver.as(PROPONENT).post("/api/notifications/999999999/read").status()).isEqualTo(404);
        assertThat(driver.as(PROPONENT).post("/api/notifications/abc/read").status()).isEqualTo(400);
    }

    @Test
    void theInboxListsWhatTheMailsSayAndAllOfItIsMarkedReadAtOnce() {
        String caseId = driver.openCase(PROPONENT, "LED street lighting");
        JsonNode newTask = notification(PROGRAM_MANAGER, "newTask", caseId);
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        assertThat(newTask.path("title").asText()).isEqualTo("New task: Screen proposal (LED street lighting)");
        assertThat(newTask.path("link").asText()).isEqualTo("/tasks/" + screening);
        assertThat(driver.as(PROPONENT).get("/api/notifications").text()).as("the screening is not the proponent's")
                .doesNotContain("/tasks/" + screening);

        assertThat(driver.as(PROGRAM_MANAGER).get("/api/notifications").json().path("unread").asLong()).isPositive();
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/notifications?unread=true").json().path("content")).isNotEmpty();
        assertThat(driver.as(PROGRAM_MANAGER).post("/api/notifications/read-all").status()).isEqualTo(204);
        JsonNode after = driver.as(PROGRAM_MANAGER).get("/api/notifications").json();
        assertThat(after.path("unread").asLong()).isZero();
        assertThat(after.path("content")).isNotEmpty();
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/notifications?unread=true").json().path("content")).isEmpty();
        for (String query : List.of("page=-1", "size=0", "size=201", "unread=maybe")) {
            assertThat(driver.as(PROGRAM_MANAGER).get("/api/notifications?" + query).status()).as(query).isEqualTo(400);
        }
    }

    private ApiClient.Response comment(String username, String caseId, Map<String, Object> body) {
        return driver.as(username).post("/api/cases/" + caseId + "/comments", new HashMap<>(body));
    }

    private List<String> texts(String username, String caseId) {
        ApiClient.Response response = driver.as(username).get("/api/cases/" + caseId + "/comments");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        response.json().forEach(comment -> texts.add(comment.path("text").asText()));
        return texts;
    }

    private long commentCount(String caseId) {
        return jdbc.sql("select count(*) from case_comment where case_id = cast(? as uuid)").param(caseId)
                .query(Long.class).single();
    }

    /**
     * The person's notification of the kind about the case, there as soon as the request that called for it is
     * answered: the step writes it in its own transaction.
     */
    private JsonNode notification(String username, String kind, String caseId) {
        for (JsonNode entry : driver.as(username).get("/api/notifications?size=200").json().path("content")) {
            if (entry.path("kind").asText().equals(kind) && entry.path("caseId").asText().equals(caseId)) {
                return entry;
            }
        }
        throw new AssertionError("No " + kind + " notification for " + username + " on case " + caseId);
    }
}
