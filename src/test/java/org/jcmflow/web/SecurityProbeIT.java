package org.jcmflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an outside probe of the default mode tried on addresses and lists: each is refused with a 4xx that shows
 * nothing of the insides, never a 5xx with its stack in the log.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityProbeIT {

    private static final String ENGINE_API = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;

    @Autowired
    FilterService filters;

    @Autowired
    TaskService taskService;

    @Test
    void addressesTheFirewallRefusesAreBadRequestsWithOneLogLineEach(CapturedOutput output) throws IOException {
        List<String> paths = List.of("//engine-rest/task", "/./camunda/app/cockpit/default/",
                "/./camunda/api/engine/engine/default/task", "//api/tasks", "/tasks/../engine-rest/task");
        String basic = "Basic " + java.util.Base64.getEncoder()
                .encodeToString((ADMIN + ":" + ApiClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        int logged = output.getAll().length();
        for (String path : paths) {
            for (String authorization : new String[] {null, basic}) {
                String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                        + "Connection: close\r\n\r\n");
                assertThat(statusOf(answer)).as("%s %s", path, authorization == null ? "anonymous" : "as admin")
                        .isIn(400, 404);
                assertThat(answer).doesNotContain("Exception", "at org.");
            }
        }
        String log = output.getAll().substring(logged);
        assertThat(log).doesNotContain("\tat ", "ERROR");
        assertThat(log.lines().filter(line -> line.contains("Refused GET"))).hasSizeLessThanOrEqualTo(paths.size() * 2);
        System.out.printf("Firewall refusals logged:%n%s%n", log);
    }

    @Test
    void pagesFarBeyondTheEndOfEveryListAreBadPagesNotServerErrors() {
        ApiClient manager = ApiClient.as(port, PROGRAM_MANAGER);
        for (String path : List.of("/api/tasks?page=2147483647&size=200", "/api/cases?page=2147483647&size=200",
                "/api/methodologies?page=2147483647&size=200", "/api/tasks?page=2147483647&size=1")) {
            ApiClient.Response answer = manager.get(path);
            assertThat(answer.status()).as("%s: %s", path, answer.text()).isEqualTo(400);
            assertThat(answer.json().path("errors").get(0).path("field").asText()).as(path).isEqualTo("page");
        }
        for (String path : List.of("/tasks?page=2147483647", "/cases?page=2147483647")) {
            ApiClient.Response page = manager.getPage(path);
            assertThat(page.status()).as(path).isEqualTo(400);
            assertThat(page.text()).as(path).contains("There is no such page").doesNotContain("SQL");
        }
    }

    /**
     * A filter of Tasklist whose expression the engine cannot evaluate: the engine's message quotes it, and names its
     * classes; Tasklist's users get what failed in plain words instead.
     */
    @Test
    void engineErrorsInTasklistShowNoExpressionsNorClassNames(CaseDriver driver) {
        driver.openCase(PROPONENT, "Tasklist: a broken filter");
        Filter broken = filters.newTaskFilter("A filter with a broken expression")
                .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${noSuchBean.secretProperty}"));
        filters.saveFilter(broken);
        ApiClient admin = ApiClient.as(port, ADMIN);
        assertThat(admin.getPage("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        assertThat(admin.get(ENGINE_API + "/task?maxResults=1").status()).isEqualTo(200);

        ApiClient.Response answer = admin.post(ENGINE_API + "/filter/" + broken.getId() + "/list",
                Map.of(), Map.of("X-XSRF-TOKEN", String.valueOf(admin.cookie("XSRF-TOKEN"))));

        assertThat(answer.status()).as("the engine's failure, not a refusal: %s", answer.text()).isEqualTo(500);
        JsonNode error = answer.json();
        assertThat(error.path("message").asText()).isNotBlank()
                .doesNotContain("${", "noSuchBean", "secretProperty", "org.camunda", "javax.el", "jakarta.el");
        assertThat(answer.text()).doesNotContain("${", "noSuchBean");
        filters.deleteFilter(broken.getId());
    }

    /** The request exactly as written, without a client that would tidy its address; the whole answer. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static int statusOf(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }
}
