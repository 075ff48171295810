package org.jcmflow.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Talks to the running application over HTTP as one user, the way an API client does. */
public final class ApiClient {

    public static final String DEMO_PASSWORD = "jcm-demo-2026";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One HTTP client for all, which keeps its connections and reuses them: a client of its own per user (thousands
     * in a run, one for every few requests) opened a connection, a selector thread and worker threads each time.
     */
    private static final HttpClient HTTP;

    static {
        // an idle connection let go after 10 s (the JDK's default: 20 minutes), well before Tomcat closes one (60 s).
        // Read once, by the first HTTP client of the JVM: the build sets it for the test JVMs, where a browser's client
        // may come first; here for the benchmark's JVM.
        System.getProperties().putIfAbsent("jdk.httpclient.keepalive.timeout", "10");
        HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Each client keeps its own cookies, like a browser: the Camunda webapps keep their login in the session. */
    private final CookieManager cookies = new CookieManager();

    private final String baseUrl;
    private final String authorization;

    private ApiClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public static ApiClient as(int port, String username) {
        return as(port, username, DEMO_PASSWORD);
    }

    public static ApiClient as(int port, String username, String password) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient("http://localhost:" + port, "Basic " + credentials);
    }

    /** A client of Keycloak mode, sending the given access token (or anything a caller pretends is one). */
    public static ApiClient withToken(int port, String token) {
        return new ApiClient("http://localhost:" + port, "Bearer " + token);
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, null);
    }

    public record Response(int status, String contentType, String text, HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return text == null || text.isEmpty() ? MissingNode.getInstance() : JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + text, e);
            }
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET asking for the given media type, as a scraper of metrics does for text. */
    public Response get(String path, String accept) {
        return send(request(path).setHeader("Accept", accept).GET());
    }

    /** A GET as a browser sends it, asking for a page. */
    public Response getPage(String path) {
        return send(request(path).setHeader("Accept", "text/html").GET());
    }

    public Response post(String path, Object body) {
        return send(jsonPost(path, body));
    }

    /** A POST with one more header, such as the CSRF token that the Camunda webapps ask for. */
    public Response post(String path, Object body, String header, String value) {
        return send(jsonPost(path, body).header(header, value));
    }

    /** A POST with more headers, such as the CSRF token and the hal+json answer that Tasklist asks for. */
    public Response post(String path, Object body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = jsonPost(path, body);
        headers.forEach(request::setHeader);
        return send(request);
    }

    private HttpRequest.Builder jsonPost(String path, Object body) {
        try {
            String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
            return request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of a cookie the application has set in this client, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** A multipart/form-data upload of one file, as a browser's file input sends it. */
    public Response upload(String path, String fileName, String contentType, byte[] content) {
        return upload(path, List.of(new FilePart("file", fileName, contentType, content)));
    }

    /** One file of a multipart/form-data upload, under the form field's name. */
    public record FilePart(String field, String fileName, String contentType, byte[] content) {
    }

    /** A multipart/form-data upload of several files, as a form with several file inputs sends it. */
    public Response upload(String path, List<FilePart> files) {
        String boundary = "jcm-" + System.nanoTime();
        List<byte[]> body = new ArrayList<>();
        for (FilePart file : files) {
            body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
                    + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.add(file.content());
            body.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body)));
    }

    /** The raw bytes of a download, with its headers. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return exchange(request(path).setHeader("Accept", "*/*").GET(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Any method, with a JSON body or none, and more headers: for walking every endpoint of an API. */
    public Response send(String method, String path, String jsonBody, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = request(path).method(method, jsonBody == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::setHeader);
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).setHeader("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the request with this client's cookies, and keeps the cookies of the answer. */
    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        URI uri = request.build().uri();
        List<String> sent = cookies.get(uri, Map.of()).getOrDefault("Cookie", List.of());
        if (!sent.isEmpty()) {
            request.setHeader("Cookie", String.join("; ", sent));
        }
        HttpResponse<T> response = HTTP.send(request.build(), body);
        cookies.put(uri, response.headers().map());
        return response;
    }
}
