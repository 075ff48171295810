package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.JOINT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.SECOND_COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.THIRD_COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.VERIFIER;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ProductionApplicationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application as production runs it (profile {@code production}): behind a reverse proxy that ends TLS, which
 * the tests play from the loopback address, sending X-Forwarded-For and X-Forwarded-Proto; with production's upload
 * limits. Each test signs in from client addresses of its own, so that the login throttle's counts of one test do
 * not touch another's.
 */
@ProductionApplicationTest
class BehindTheProxyIT {

    private static final String WRONG = "not-the-password";

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tenWrongPasswordsHoldBackTheRightOneForAMinuteAndOtherUsersKeepWorking() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(basic("/api/me", VERIFIER, WRONG, address).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = basic("/api/me", VERIFIER, ApiClient.DEMO_PASSWORD, address);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(50, 60);
        // from anywhere else too: the name is held back, not the address
        assertThat(basic("/api/me", VERIFIER, ApiClient.DEMO_PASSWORD, newAddress()).statusCode()).isEqualTo(429);
        assertThat(formLogin(VERIFIER, ApiClient.DEMO_PASSWORD, newAddress())).endsWith("/login?throttled");
        String page = http.send(HttpRequest.newBuilder(uri("/login?throttled")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(Jsoup.parse(page).select("[role=alert]").text()).contains("Too many failed sign-ins");

        assertThat(basic("/api/me", PROGRAM_MANAGER, ApiClient.DEMO_PASSWORD, address).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownNameIsHeldBackExactlyLikeAKnownOne() throws Exception {
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> known = answers(JOINT_COMMITTEE);
        List<String> unknowns = answers(unknown);
        assertThat(unknowns).isEqualTo(known);
        assertThat(known.get(known.size() - 1)).startsWith("429");
    }

    @Test
    void aSuccessClearsTheCount() throws Exception {
        String address = newAddress();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 9; i++) {
                assertThat(basic("/api/me", THIRD_COMMITTEE_MEMBER, WRONG, address).statusCode()).isEqualTo(401);
            }
            assertThat(basic("/api/me", THIRD_COMMITTEE_MEMBER, ApiClient.DEMO_PASSWORD, address).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void fiftyFailuresFromOneAddressAcrossNamesHoldBackThatAddress() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 50; i++) {
            assertThat(basic("/api/me", "guess-" + i, WRONG, address).statusCode()).isEqualTo(401);
        }
        assertThat(basic("/api/me", SECOND_COMMITTEE_MEMBER, ApiClient.DEMO_PASSWORD, address).statusCode())
                .isEqualTo(429);
        assertThat(basic("/api/me", SECOND_COMMITTEE_MEMBER, ApiClient.DEMO_PASSWORD, newAddress()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void overTlsAtTheProxyAnswersCarryHstsAndTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Accept", "text/html").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", newAddress()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.headers().firstValue("Strict-Transport-Security")).get(
                org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("max-age=");
        String session = loginPage.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        String csrf = Jsoup.parse(loginPage.body()).select("input[name=_csrf]").attr("value");
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session.substring(0, session.indexOf(';')))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", newAddress())
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", PROGRAM_MANAGER,
                        "password", ApiClient.DEMO_PASSWORD, "_csrf", csrf)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).startsWith("https://")
                .doesNotContain("error");
        assertThat(loggedIn.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(loggedIn.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("Secure", "HttpOnly"));

        // straight from a client over plain http: no HSTS, which a browser would ignore there anyway
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    /**
     * 25 MB announced, 1 MB sent, then nothing more: the answer must come all the same, so the server has not
     * waited to read the body before refusing it.
     */
    @Test
    void anAnonymousUploadToAPageIsRefusedWithoutReadingIt() throws Exception {
        long announced = 25L * 1024 * 1024;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            String boundary = "probe" + UUID.randomUUID();
            out.write(("POST /cases/new HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: " + announced + "\r\n\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] megabyte = new byte[1024 * 1024];
            try {
                out.write(megabyte);
                out.flush();
            } catch (SocketException closedEarly) {
                // the server may close the connection while the first megabyte is still on its way
            }
            String statusLine = statusLine(socket.getInputStream());
            assertThat(statusLine).as("the answer, while 24 MB are still unsent").matches("HTTP/1.1 (302|401|403)\\b.*");
        }
    }

    private List<String> answers(String username) throws Exception {
        String address = newAddress();
        List<String> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            HttpResponse<String> answer = basic("/api/me", username, WRONG, address);
            answers.add(answer.statusCode() + " " + answer.headers().firstValue("WWW-Authenticate").orElse("") + " "
                    + answer.body().replaceAll("\"instance\":\"[^\"]*\"", ""));
        }
        return answers;
    }

    private HttpResponse<String> basic(String path, String username, String password, String address)
            throws Exception {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .header("Authorization", "Basic " + credentials).header("X-Forwarded-For", address).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with the login form; where it sends the browser. */
    private String formLogin(String username, String password, String address) throws Exception {
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(uri("/login")).header("Accept", "text/html")
                .header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
        String session = loginPage.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        String csrf = Jsoup.parse(loginPage.body()).select("input[name=_csrf]").attr("value");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session.substring(0, session.indexOf(';'))).header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).trim();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A client address of the documentation ranges (RFC 5737), new for each call. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250 + 1) + "." + (n % 250 + 1);
    }
}
