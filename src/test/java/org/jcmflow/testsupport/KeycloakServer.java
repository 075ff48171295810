package org.jcmflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real Keycloak for the Keycloak tests: the distribution that the build unpacks into {@code target/}
 * (maven-dependency-plugin, before the integration tests), started in development mode with the realm export
 * imported into a fresh database. One Keycloak serves every Keycloak test of the JVM; a shutdown hook stops it.
 */
public final class KeycloakServer {

    public static final String REALM = "jcm";
    /** The client that the realm keeps for scripts and tests: password grant, tokens for the jcm-flow audience. */
    public static final String API_CLIENT = "jcm-api";
    public static final String API_CLIENT_SECRET = "jcm-api-dev-secret";
    /** The application's client in the realm, and the audience its tokens must name. */
    public static final String APP_CLIENT = "jcm-flow";
    public static final String APP_CLIENT_SECRET = "jcm-flow-dev-secret";

    private static final String ADMIN_USERNAME = "admin";
    private static final String ADMIN_PASSWORD = "keycloak-test-admin";
    /** The first start builds Keycloak's optimised server (half a minute on an idle machine), later ones reuse it. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    /** A cached token is used while it has this much life left; the realm issues them for five minutes. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static FutureTask<KeycloakServer> shared;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Path home;
    private final Path log;
    private final int port;
    private Process process;

    private record Token(String value, Instant expires) {
    }

    private KeycloakServer(Path home, int port) {
        this.home = home;
        this.log = home.resolveSibling("keycloak.log");
        this.port = port;
    }

    /** The Keycloak of this test JVM, started on first use or earlier by {@link #startInBackground()}. */
    public static KeycloakServer shared() {
        FutureTask<KeycloakServer> server = startInBackground();
        try {
            return server.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The test Keycloak did not start", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the shared Keycloak on a thread of its own, unless it is started already. Its start takes half a minute
     * or more, which then passes while other tests run (see {@link KeycloakEarlyStart}).
     */
    public static synchronized FutureTask<KeycloakServer> startInBackground() {
        if (shared == null) {
            shared = new FutureTask<>(() -> {
                KeycloakServer server = new KeycloakServer(distribution(), freePort());
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-stop"));
                server.start(Path.of(System.getProperty("jcm.test.realm-file", "keycloak-realm/jcm-realm.json")));
                return server;
            });
            Thread starter = new Thread(shared, "keycloak-start");
            starter.setDaemon(true);
            starter.start();
        }
        return shared;
    }

    /** The realm's issuer as the application is told it: tokens fetched through another host name do not match. */
    public String issuer() {
        return issuer("127.0.0.1");
    }

    public String issuer(String host) {
        return "http://" + host + ":" + port + "/realms/" + REALM;
    }

    /** A valid access token of the demo user, as a script gets it from the API client. */
    public String accessToken(String username) {
        Token token = tokens.compute(username, (name, cached) ->
                cached != null && cached.expires().isAfter(Instant.now().plus(TOKEN_MARGIN))
                        ? cached
                        : freshToken(passwordGrant(issuer(), API_CLIENT, API_CLIENT_SECRET, name, ApiClient.DEMO_PASSWORD)));
        return token.value();
    }

    /** The token endpoint's answer to a resource owner password grant, failing the test unless it is 200. */
    public JsonNode passwordGrant(String issuer, String clientId, String clientSecret, String username, String password) {
        String form = form(Map.of("grant_type", "password", "client_id", clientId, "client_secret", clientSecret,
                "username", username, "password", password, "scope", "openid"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + username + " from " + clientId + ": "
                    + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    /** The token endpoint's status for a password grant of the API client, whatever it is. */
    public int passwordGrantStatus(String username, String password) {
        String form = form(Map.of("grant_type", "password", "client_id", API_CLIENT, "client_secret", API_CLIENT_SECRET,
                "username", username, "password", password, "scope", "openid"));
        return send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
    }

    /** What the realm's brute-force detection knows of a user: {@code disabled}, {@code numFailures}, ... */
    public JsonNode bruteForceStatus(String username) {
        String userId = admin("GET", "/users?exact=true&username=" + username, null, 200).get(0).path("id").asText();
        return admin("GET", "/attack-detection/brute-force/users/" + userId, null, 200);
    }

    /** The realm's settings as Keycloak holds them. */
    public JsonNode realm() {
        return admin("GET", "", null, 200);
    }

    /** Adds a client to the realm through the admin REST API, unless it exists already. */
    public void createClient(ObjectNode representation) {
        admin("POST", "/clients", representation, 201, 409);
    }

    /**
     * Adds a user with the demo password to the realm through the admin REST API, unless it exists already.
     *
     * @param organization the user's organisation attribute, or null for none
     */
    public void createUser(String username, String organization, String... realmRoles) {
        ObjectNode user = object().put("username", username).put("enabled", true).put("emailVerified", true)
                .put("firstName", username).put("lastName", "Test").put("email", username + "@test.example");
        if (organization != null) {
            user.putObject("attributes").putArray("organization").add(organization);
        }
        user.putArray("credentials").addObject().put("type", "password").put("value", ApiClient.DEMO_PASSWORD)
                .put("temporary", false);
        admin("POST", "/users", user, 201, 409);
        if (realmRoles.length > 0) {
            String userId = admin("GET", "/users?exact=true&username=" + username, null, 200).get(0).path("id").asText();
            ArrayNode roles = JSON.createArrayNode();
            for (String role : realmRoles) {
                roles.add(admin("GET", "/roles/" + role, null, 200));
            }
            admin("POST", "/users/" + userId + "/role-mappings/realm", roles, 204);
        }
    }

    /**
     * Lets the application's client send browsers back to an application on the given base URL: the realm
     * export names port 8080 only, the tests run on a random port.
     */
    public void allowRedirectsTo(String baseUrl) {
        JsonNode client = admin("GET", "/clients?clientId=" + APP_CLIENT, null, 200).get(0);
        ArrayNode redirects = (ArrayNode) client.path("redirectUris");
        String pattern = baseUrl + "/*";
        for (JsonNode redirect : redirects) {
            if (redirect.asText().equals(pattern)) {
                return;
            }
        }
        redirects.add(pattern);
        admin("PUT", "/clients/" + client.path("id").asText(), client, 204);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static Token freshToken(JsonNode response) {
        return new Token(response.path("access_token").asText(),
                Instant.now().plusSeconds(response.path("expires_in").asLong()));
    }

    private JsonNode admin(String method, String path, JsonNode body, int... expectedStatuses) {
        String token = passwordGrant(issuer().replace("/realms/" + REALM, "/realms/master"), "admin-cli", "",
                ADMIN_USERNAME, ADMIN_PASSWORD).path("access_token").asText();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer().replace("/realms/", "/admin/realms/") + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> response = send(request);
        for (int expected : expectedStatuses) {
            if (response.statusCode() == expected) {
                return response.body().isEmpty() ? object() : json(response.body());
            }
        }
        throw new IllegalStateException("Keycloak admin " + method + " " + path + ": " + response.statusCode() + " "
                + response.body());
    }

    private void start(Path realmFile) {
        Instant started = Instant.now();
        try {
            // A fresh database each run: the realm is imported as the export has it, nothing left from last time.
            Path data = home.resolve("data");
            deleteRecursively(data);
            Files.createDirectories(data.resolve("import"));
            Files.copy(realmFile, data.resolve("import").resolve(realmFile.getFileName()));
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + freePort(),
                    "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
            // C1 only: a test Keycloak starts once and answers a few thousand requests, so C2's compilations would
            // cost more CPU than they save
            builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
        awaitRealm(started);
        System.out.printf("Keycloak %s started in %d s on port %d (log: %s)%n", home.getFileName(),
                Duration.between(started, Instant.now()).toSeconds(), port, log);
    }

    private void awaitRealm(Instant started) {
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (Duration.between(started, Instant.now()).compareTo(START_TIMEOUT) < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped with exit code " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within " + START_TIMEOUT + ":\n" + logTail());
    }

    /** kc.sh runs Keycloak's JVM as its child and passes a TERM on; the children are asked directly as well. */
    private void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path distribution() {
        String configured = System.getProperty("jcm.test.keycloak-home");
        if (configured == null || !Files.isExecutable(Path.of(configured, "bin", "kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + configured + " (system property "
                    + "jcm.test.keycloak-home): run the Keycloak tests through Maven (./mvnw verify), which unpacks "
                    + "org.keycloak:keycloak-quarkus-dist into target/ first");
        }
        return Path.of(configured);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + text, e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .filter(field -> !field.getValue().isEmpty())
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static int freePort() {
        return FreePorts.next();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
