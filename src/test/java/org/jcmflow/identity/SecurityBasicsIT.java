package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.Browser;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.Leaks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security basics a reviewer checks first: the headers of every answer, the session cookie, a CSRF token in
 * every form of every page, errors that show nothing of the insides, the operations endpoints closed.
 */
@ApplicationTest
class SecurityBasicsIT {

    /** Every demo user, each role once or twice. */
    private static final List<String> USERS = List.of("tanaka", "suzuki", "sato", "takahashi", "kobayashi", "ito",
            "watanabe", "nakamura", "admin");

    @LocalServerPort
    int port;

    final CaseDriver driver;
    String caseId;

    SecurityBasicsIT(CaseDriver driver) {
        this.driver = driver;
    }

    @BeforeEach
    void aCaseWithOpenTasks() {
        caseId = driver.openCase(PROPONENT, "Security basics");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        Client tanaka = new Client(PROPONENT);
        Client anonymous = new Client(null);
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("login page", anonymous.get("/login", "text/html"));
        answers.put("inbox page", tanaka.get("/tasks", "text/html"));
        answers.put("case page", tanaka.get("/cases/" + caseId, "text/html"));
        answers.put("page not found", tanaka.get("/no-such-page", "text/html"));
        answers.put("stylesheet", anonymous.get("/assets/portal.css", "text/css"));
        answers.put("API answer", tanaka.get("/api/me", "application/json"));
        answers.put("API problem", tanaka.get("/api/cases/not-a-uuid", "application/json"));
        answers.put("API without credentials", anonymous.get("/api/me", "application/json"));

        answers.forEach((what, answer) -> {
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as("content security policy of the %s", what).contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(policy).as("content security policy of the %s", what)
                    .containsAnyOf("default-src 'self'", "default-src 'none'");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as("frame options of the %s", what).hasValue("DENY");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as("no-sniff on the %s", what)
                    .hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as("referrer policy of the %s", what)
                    .hasValue("same-origin");
        });
        assertThat(answers.get("inbox page").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("style-src 'self'").contains("object-src 'none'");
        System.out.printf("Security headers checked on %d answers: %s%n", answers.size(), answers.keySet());
    }

    @Test
    void theSessionCookieIsOutOfReachOfScriptsAndOtherSites() throws Exception {
        Client browser = new Client(null);
        HttpResponse<String> loginPage = browser.get("/login", "text/html");
        String token = Jsoup.parse(loginPage.body()).select("input[name=_csrf]").attr("value");
        HttpResponse<String> loggedIn = browser.postForm("/login", Map.of("username", PROPONENT,
                "password", ApiClient.DEMO_PASSWORD, "_csrf", token));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        List<String> sessionCookies = new ArrayList<>();
        for (HttpResponse<String> answer : List.of(loginPage, loggedIn)) {
            answer.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                    .forEach(sessionCookies::add);
        }
        // one on the login page (its CSRF token), a new one after logging in (no session fixation)
        assertThat(sessionCookies).hasSize(2);
        assertThat(sessionCookies).allSatisfy(cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/"));
        assertThat(sessionCookies.get(0)).isNotEqualTo(sessionCookies.get(1));
        assertThat(browser.get("/tasks", "text/html").statusCode()).isEqualTo(200);
    }

    @Test
    void everyFormOfEveryPageCarriesACsrfTokenForEveryRole() throws Exception {
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        int pages = 0;
        int forms = 0;
        for (String user : USERS) {
            Client client = new Client(user);
            List<String> paths = new ArrayList<>(List.of("/tasks", "/cases", "/cases/" + caseId, "/cases/new",
                    "/dashboard", "/dashboard/ledger", "/no-such-page"));
            // the user's own task pages, as the inbox links them
            Document inbox = Jsoup.parse(client.get("/tasks", "text/html").body());
            inbox.select("a[href^=/tasks/]").stream().map(link -> link.attr("href")).distinct().limit(3)
                    .forEach(paths::add);
            for (String path : paths) {
                HttpResponse<String> page = client.get(path, "text/html");
                assertThat(page.headers().firstValue("Content-Type").orElse("")).as("%s as %s", path, user)
                        .startsWith("text/html");
                pages++;
                for (Element form : Jsoup.parse(page.body()).select("form")) {
                    if (form.attr("method").equalsIgnoreCase("post")) {
                        forms++;
                        boolean tokenField = !form.select("input[type=hidden][name=_csrf]").attr("value").isBlank();
                        boolean tokenInAction = form.attr("action").contains("_csrf=");
                        assertThat(tokenField || tokenInAction).as("CSRF token in form %s of %s as %s",
                                form.attr("action"), path, user).isTrue();
                    }
                }
            }
        }
        System.out.printf("CSRF tokens checked: %d forms on %d pages of %d users%n", forms, pages, USERS.size());
        assertThat(forms).isGreaterThan(pages);
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefusedWithAPage() throws Exception {
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        String taskId = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("/cases/new", PROPONENT);
        forms.put("/tasks/" + taskId, PROPONENT);
        forms.put("/tasks/" + taskId + "/claim", PROPONENT);
        forms.put("/tasks/" + taskId + "/unclaim", PROPONENT);
        forms.put("/cases/" + caseId + "/documents", PROPONENT);
        forms.put("/dashboard/budget", PROGRAM_MANAGER);
        forms.put("/logout", PROPONENT);
        int stepsBefore = driver.caseFile(caseId).path("history").size();
        for (Map.Entry<String, String> form : forms.entrySet()) {
            Client client = new Client(form.getValue());
            client.get("/tasks", "text/html");
            HttpResponse<String> refused = client.postForm(form.getKey(), Map.of("title", "Forged", "fiscalYear", "2016",
                    "budgetMillionJpy", "1"));
            assertThat(refused.statusCode()).as("POST %s without a token", form.getKey()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(Jsoup.parse(refused.body()).select("main h1").text()).as(form.getKey()).isNotBlank();
            assertNoLeaks(form.getKey(), refused.body());
        }
        assertThat(driver.caseFile(caseId).path("history")).hasSize(stepsBefore);
        assertThat(driver.openTask(caseId, "Task_SubmitFeasibilityReport")).isEqualTo(taskId);
    }

    @Test
    void errorAnswersShowNoStackTraceNorSql() throws Exception {
        Client tanaka = new Client(PROPONENT);
        Client anonymous = new Client(null);
        List<HttpResponse<String>> errors = new ArrayList<>();
        errors.add(tanaka.get("/no-such-page", "text/html"));
        errors.add(tanaka.get("/cases/not-a-uuid", "text/html"));
        errors.add(tanaka.get("/dashboard", "text/html"));
        errors.add(tanaka.get("/cases?sort=title;drop%20table%20project_case", "text/html"));
        errors.add(tanaka.get("/api/no-such-endpoint", "application/json"));
        errors.add(tanaka.get("/api/cases/not-a-uuid", "application/json"));
        errors.add(tanaka.get("/api/cases?sort=title%3Bdrop%20table%20project_case", "application/json"));
        errors.add(tanaka.get("/api/cases?fiscalYear=' or 1=1 --".replace(" ", "%20").replace("'", "%27"), "application/json"));
        errors.add(tanaka.send("POST", "/api/cases", "application/json", "{\"title\": "));
        errors.add(tanaka.send("DELETE", "/api/cases/" + caseId, null, null));
        errors.add(tanaka.get("/api/dashboard", "application/json"));
        errors.add(tanaka.get("/api/cases/%2e%2e/%2e%2e/etc/passwd", "application/json"));
        errors.add(tanaka.get("/cases/x%00y", "text/html"));
        errors.add(anonymous.get("/api/cases", "application/json"));
        errors.add(new Client(PROPONENT, "wrong-password").get("/api/me", "application/json"));
        for (HttpResponse<String> error : errors) {
            assertThat(error.statusCode()).as("%s", error.uri()).isBetween(400, 499);
            assertNoLeaks(error.uri().toString(), error.body());
        }
        System.out.printf("Error answers checked for stack traces and SQL: %d%n", errors.size());
    }

    @Test
    void operationsEndpointsOtherThanHealthAreClosed() throws Exception {
        List<String> endpoints = List.of("/actuator", "/actuator/info", "/actuator/prometheus", "/actuator/env",
                "/actuator/beans", "/actuator/configprops", "/actuator/heapdump", "/actuator/threaddump",
                "/actuator/loggers", "/actuator/metrics", "/actuator/mappings", "/actuator/shutdown",
                "/actuator/scheduledtasks", "/actuator/caches", "/actuator/conditions", "/actuator/flyway");
        int checked = 0;
        List<String> callers = new ArrayList<>(USERS);
        callers.remove("admin");
        callers.add(null);
        for (String caller : callers) {
            Client client = new Client(caller);
            for (String endpoint : endpoints) {
                HttpResponse<String> answer = client.get(endpoint, "application/json");
                boolean toLogin = answer.statusCode() == 302
                        && answer.headers().firstValue("Location").orElse("").endsWith("/login");
                assertThat(answer.statusCode() == 401 || answer.statusCode() == 403 || answer.statusCode() == 404 || toLogin)
                        .as("%s as %s: %s", endpoint, caller, answer.statusCode()).isTrue();
                checked++;
            }
        }
        // operators see what operations need; what would show the configuration or memory is not there at all
        Client admin = new Client("admin");
        for (String endpoint : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
                "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings", "/actuator/shutdown")) {
            assertThat(admin.get(endpoint, "application/json").statusCode()).as(endpoint).isEqualTo(404);
            checked++;
        }
        HttpResponse<String> health = new Client(null).get("/actuator/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("details");
        System.out.printf("Operations endpoints checked: %d answers%n", checked);
    }

    @Test
    void thePagesRunUnderTheContentSecurityPolicyWithoutRefusals() {
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        String taskId = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
        List<String> pages = new ArrayList<>();
        try (Browser browser = Browser.open(port)) {
            browser.go("/login");
            assertThat(browser.consoleErrors()).as("login page").isEmpty();
            browser.logIn(PROGRAM_MANAGER);
            for (String path : List.of("/tasks", "/cases", "/cases/" + caseId, "/dashboard", "/dashboard/ledger",
                    "/swagger-ui/index.html")) {
                browser.go(path);
                pages.add(path);
                assertThat(browser.consoleErrors()).as(path).isEmpty();
            }
            browser.go("/dashboard");
            assertThat(browser.script("return document.querySelectorAll('canvas').length > 0 && "
                    + "[...document.querySelectorAll('canvas')].every(c => c.width > 0)")).isEqualTo(true);
        }
        try (Browser browser = Browser.open(port)) {
            browser.logIn(PROPONENT);
            for (String path : List.of("/cases/new", "/tasks/" + taskId)) {
                browser.go(path);
                pages.add(path);
                assertThat(browser.consoleErrors()).as(path).isEmpty();
            }
            assertThat(browser.script("return document.documentElement.classList.contains('js')")).isEqualTo(true);
        }
        System.out.printf("Pages run under the content security policy without console errors: %s%n", pages);
    }

    private static void assertNoLeaks(String what, String body) {
        assertThat(Leaks.shownIn(body)).as("answer of %s", what).isEmpty();
    }

    /** A caller with the cookies of a browser: a demo user with HTTP Basic, or nobody. */
    final class Client {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String authorization;

        Client(String username) {
            this(username, ApiClient.DEMO_PASSWORD);
        }

        Client(String username, String password) {
            authorization = username == null ? null : "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> get(String path, String accept) throws Exception {
            return send("GET", path, null, null, accept);
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
            StringBuilder body = new StringBuilder();
            fields.forEach((key, value) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send("POST", path, "application/x-www-form-urlencoded", body.toString(), "text/html");
        }

        HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
            return send(method, path, contentType, body, "application/json");
        }

        private HttpResponse<String> send(String method, String path, String contentType, String body, String accept)
                throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", accept)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
