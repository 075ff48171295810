package org.jcmflow.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The portal's pages as one user's browser sees them, without a browser: forms posted with their CSRF token. */
public final class PageSession {

    public record Page(int status, String location, String html) {

        public Document document() {
            return Jsoup.parse(html);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;

    /**
     * Signed in on the login page, as a browser is: the session cookie then carries the login. Pages take no
     * HTTP Basic for an upload, which they refuse unread without a signed-in session.
     */
    public PageSession(int port, String username) {
        baseUrl = "http://localhost:" + port;
        String token = get("/login").document().select("input[name=_csrf]").attr("value");
        Page signedIn = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                        + encode(ApiClient.DEMO_PASSWORD) + "&_csrf=" + encode(token))));
        if (signedIn.status() != 302 || signedIn.location() == null || signedIn.location().contains("/login")) {
            throw new IllegalStateException("Could not sign in as " + username + ": " + signedIn.status() + " "
                    + signedIn.location());
        }
    }

    public Page get(String path) {
        return send(request(path).GET());
    }

    /** The CSRF token of the session, as every page's logout form carries it. */
    public String csrfToken() {
        Page cases = get("/cases");
        String token = cases.document().select("input[name=_csrf]").attr("value");
        if (token.isBlank()) {
            throw new IllegalStateException("No CSRF token on /cases (" + cases.status() + ")");
        }
        return token;
    }

    public Page postForm(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken());
        String body = withToken.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Page upload(String path, String fileName, byte[] content) {
        String boundary = "page-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path + (path.contains("?") ? "&" : "?") + "_csrf=" + encode(csrfToken()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The page a redirect leads to. */
    public Page follow(Page redirect) {
        URI target = URI.create(baseUrl).resolve(redirect.location());
        return get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html");
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
