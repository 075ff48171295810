package org.jcmflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A browser a test is given remembers nothing of the test before, though it runs in the same Chromium: not the
 * cookies the server set, nor what the page stored, nor the window's size, the print layout or the console.
 */
class BrowserIsolationTest {

    private HttpServer server;
    /** The Cookie header of each request for a page (not for the icon the browser asks for), "" for none. */
    private final List<String> cookiesSent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/favicon.ico")) {
                cookiesSent.add(String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")).replace("null", ""));
            }
            byte[] page = "<!DOCTYPE html><html lang='en'><head><title>Page</title></head><body><p>A page</p></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=from-the-first-test; Path=/");
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theNextTestsBrowserRunsInTheSameChromiumAndRemembersNothing() {
        int port = server.getAddress().getPort();
        IdleBrowsers.Chromium first;
        try (Browser browser = Browser.open(port)) {
            first = browser.chromium();
            browser.go("/");
            browser.script("localStorage.setItem('filter', 'mine'); sessionStorage.setItem('draft', 'text');"
                    + " console.error('an error of the first test')");
            browser.resize(390, 600);
            browser.emulatePrint(true);
            browser.go("/again");
            assertThat(cookiesSent).containsExactly("", "JSESSIONID=from-the-first-test");
        }

        try (Browser browser = Browser.open(port)) {
            assertThat(browser.chromium()).isSameAs(first);
            browser.go("/");
            assertThat(cookiesSent).last().isEqualTo("");
            assertThat(browser.script("return [localStorage.length, sessionStorage.length]")).isEqualTo(List.of(0L, 0L));
            assertThat(browser.script("return window.outerWidth")).isEqualTo(1280L);
            assertThat(browser.script("return matchMedia('print').matches")).isEqualTo(false);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
