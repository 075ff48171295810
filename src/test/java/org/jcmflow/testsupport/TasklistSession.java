package org.jcmflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

/**
 * A user who has opened Camunda Tasklist, as a browser would: logged in, with Camunda's CSRF cookie, which every
 * write to the webapps' engine API sends back as a header.
 */
public final class TasklistSession {

    public static final String ENGINE_API = "/camunda/api/engine/engine/default";

    private final ApiClient client;

    private TasklistSession(ApiClient client) {
        this.client = client;
    }

    public static TasklistSession open(int port, String username) {
        ApiClient client = ApiClient.as(port, username);
        ApiClient.Response page = client.getPage("/camunda/app/tasklist/default/");
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(client.get(ENGINE_API + "/task?maxResults=1").status()).isEqualTo(200);
        assertThat(client.cookie("XSRF-TOKEN")).as("Camunda's CSRF cookie").isNotNull();
        return new TasklistSession(client);
    }

    public ApiClient client() {
        return client;
    }

    public ApiClient.Response get(String path) {
        return client.get(path);
    }

    public ApiClient.Response post(String path, Object body) {
        return client.post(path, body, "X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"));
    }

    /** Any method with the CSRF header; a body that is already JSON text, or none. */
    public ApiClient.Response send(String method, String path, String jsonBody) {
        return client.send(method, path, jsonBody, Map.of("X-XSRF-TOKEN", client.cookie("XSRF-TOKEN")));
    }

    /** Values as Tasklist submits them: Camunda's typed variables. */
    public static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", typeOf(value))));
        return variables;
    }

    private static String typeOf(Object value) {
        if (value instanceof Boolean) {
            return "Boolean";
        }
        if (value instanceof Integer || value instanceof Long) {
            return "Long";
        }
        return value instanceof Number ? "Double" : "String";
    }
}
