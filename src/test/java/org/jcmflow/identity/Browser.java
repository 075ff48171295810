package org.jcmflow.identity;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** As much of a browser as an OIDC login needs: it follows redirects, keeps cookies and submits forms. */
final class Browser {

    private static final String PAGE = "text/html,application/xhtml+xml";

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .cookieHandler(new CookieJar())
            .build();

    /** Where the browser ended up, and every address it was sent through on the way. */
    record Page(int status, URI uri, String body, List<URI> trail) {

        /** The action of the page's form with the given id (Keycloak's login form is kc-form-login). */
        String formAction(String formId) {
            Matcher form = Pattern.compile("<form[^>]*id=\"" + formId + "\"[^>]*>").matcher(body);
            if (!form.find()) {
                throw new AssertionError("No form " + formId + " at " + uri + ":\n" + body);
            }
            Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(form.group());
            if (!action.find()) {
                throw new AssertionError("Form " + formId + " has no action");
            }
            return action.group(1).replace("&amp;", "&");
        }

        String hiddenInput(String name) {
            Matcher input = Pattern.compile("<input[^>]*name=\"" + name + "\"[^>]*value=\"([^\"]*)\"").matcher(body);
            if (!input.find()) {
                throw new AssertionError("No input " + name + " at " + uri + ":\n" + body);
            }
            return input.group(1);
        }

        boolean isKeycloakLogin() {
            return body.contains("id=\"kc-form-login\"");
        }
    }

    Page open(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", PAGE).GET());
    }

    /** A request of the page's scripts, e.g. the Camunda webapps asking who is logged in. */
    Page fetch(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET());
    }

    Page submit(String url, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", PAGE)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Fills in and sends Keycloak's login form. */
    Page logIn(Page loginPage, String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        fields.put("credentialId", "");
        return submit(loginPage.formAction("kc-form-login"), fields);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<URI> trail = new ArrayList<>();
            for (HttpResponse<String> step = response; step != null; step = step.previousResponse().orElse(null)) {
                trail.add(0, step.uri());
            }
            return new Page(response.statusCode(), response.uri(), response.body(), trail);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Cookies by host, as simple as the test needs. The JDK's CookieManager withholds Secure cookies from plain
     * HTTP, while browsers send them to loopback addresses, where Keycloak's development mode sets them.
     */
    private static final class CookieJar extends CookieHandler {

        private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            Map<String, String> cookies = byHost.getOrDefault(uri.getHost(), Map.of());
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            Map<String, String> cookies = byHost.computeIfAbsent(uri.getHost(), host -> new ConcurrentHashMap<>());
            responseHeaders.forEach((name, values) -> {
                if (name.equalsIgnoreCase("Set-Cookie")) {
                    values.forEach(value -> store(cookies, value));
                }
            });
        }

        private static void store(Map<String, String> cookies, String setCookie) {
            String[] attributes = setCookie.split(";");
            String[] nameValue = attributes[0].split("=", 2);
            String name = nameValue[0].trim();
            String value = nameValue.length > 1 ? nameValue[1].trim() : "";
            boolean expired = value.isEmpty();
            for (String attribute : attributes) {
                expired |= attribute.trim().toLowerCase(Locale.ROOT).equals("max-age=0");
            }
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
