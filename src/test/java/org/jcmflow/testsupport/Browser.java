package org.jcmflow.testsupport;

import java.io.File;
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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.logging.Level;

import com.deque.html.axecore.results.Rule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.devtools.HasDevTools;
import org.openqa.selenium.json.JsonInput;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.core.io.ClassPathResource;

/**
 * A headless Chromium driven through Debian's chromedriver, the way a user works the portal. Each test gets a browser
 * that remembers nothing of an earlier one: no cookie, no stored data, no language chosen. The Chromium processes
 * themselves are kept between tests ({@link IdleBrowsers}), since a fresh one cost about 4.7 s of CPU before its
 * first page was shown, against about 0.2 s a page after.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension WINDOW = new Dimension(1280, 900);
    private static final String AXE_SCRIPT = axeScript();
    /**
     * Against WCAG 2.1 AA and axe's best practices; the violations with every element they fail on, and of the rules
     * passed nothing (axe's advice for speed).
     */
    private static final Map<String, Object> AXE_OPTIONS = Map.of(
            "runOnly", Map.of("type", "tag",
                    "values", List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")),
            "resultTypes", List.of("violations"));
    private static final ObjectMapper AXE_RESULTS = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final IdleBrowsers.Chromium chromium;
    private final WebDriver driver;
    private final String baseUrl;
    /** The origins this test's pages came from, whose stored data is forgotten when the test is done. */
    private final Set<String> origins = new LinkedHashSet<>();
    /** A DevTools session attached to the page outlives it: such a browser is not kept for another test. */
    private boolean devToolsAttached;

    private Browser(IdleBrowsers.Chromium chromium, String baseUrl) {
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.baseUrl = baseUrl;
        origins.add(baseUrl);
    }

    /** A browser whose user prefers English, in a laptop-sized window. */
    public static Browser open(int port) {
        return open(port, "en-US", "en-US,en");
    }

    /**
     * A browser whose user prefers Japanese, as a reader in Japan has it set: its interface, the Accept-Language
     * it sends and the language its pages' scripts read (navigator.language, which Camunda's webapps go by).
     */
    public static Browser openInJapanese(int port) {
        return open(port, "ja", "ja,en-US,en");
    }

    private static Browser open(int port, String language, String acceptLanguages) {
        IdleBrowsers.Chromium chromium = IdleBrowsers.take(language);
        return new Browser(chromium != null ? chromium : launch(language, acceptLanguages), "http://localhost:" + port);
    }

    private static IdleBrowsers.Chromium launch(String language, String acceptLanguages) {
        try {
            Path profile = Files.createTempDirectory("jcm-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--lang=" + language,
                    "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(),
                    "--user-data-dir=" + profile.toAbsolutePath());
            // nothing typed into one test's forms is offered or filled in in another's
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages,
                    "credentials_enable_service", false, "profile.password_manager_enabled", false,
                    "autofill.profile_enabled", false));
            // the page's console, for tests that check that its scripts ran without errors
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            return new IdleBrowsers.Chromium(new ChromeDriver(service, options), profile, language);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        waitUntilLoaded();
        noteOrigin();
        return this;
    }

    /** Shows a page made by the test itself, such as one that proves a check finds what it looks for. */
    public Browser show(String html) {
        driver.get("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
        waitUntilLoaded();
        return this;
    }

    /** Signs in on the portal's login page with the demo password. */
    public Browser logIn(String username) {
        go("/login");
        type(By.id("username"), username);
        type(By.id("password"), ApiClient.DEMO_PASSWORD);
        clickToNextPage(By.cssSelector("form button[type=submit]"));
        waitFor(By.cssSelector("form.logout"));
        return this;
    }

    /**
     * Signs in through the login page's single sign-on link, on Keycloak's login page, with the demo password
     * (Keycloak mode). The browser then is wherever the application sends it.
     */
    public Browser logInAtKeycloak(String username) {
        clickToNextPage(By.id("single-sign-on"));
        type(By.id("username"), username);
        type(By.id("password"), ApiClient.DEMO_PASSWORD);
        clickToNextPage(By.id("kc-login"));
        return this;
    }

    /** The whole address, which may be another server's, such as Keycloak's. */
    public String url() {
        return noteOrigin();
    }

    /** The Chromium this browser runs in, which a later test's browser may run in too. */
    IdleBrowsers.Chromium chromium() {
        return chromium;
    }

    /** Notes the origin of the page shown, so that what it stored is forgotten with this browser; its address. */
    private String noteOrigin() {
        String address = driver.getCurrentUrl();
        URI page = URI.create(address);
        if (page.getScheme() != null && page.getScheme().startsWith("http")) {
            origins.add(page.getScheme() + "://" + page.getAuthority());
        }
        return address;
    }

    public WebElement find(By by) {
        return waitFor(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the page shows the text, e.g. what a single-page app such as Camunda Tasklist renders late. */
    public void waitForText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    /** Waits at most the given time until the element shows the text; a timeout fails the test. */
    public void waitForText(By by, String text, Duration within) {
        new WebDriverWait(driver, within).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /**
     * Holds back the browser's requests to addresses that match the pattern (Chromium's, with {@code *} for any
     * characters) until {@link HeldRequests#release()}: an answer that comes late, as on a slow line, whenever the
     * test chooses. Through Chromium's DevTools protocol, whose Fetch domain pauses the matching requests.
     */
    public HeldRequests holdRequests(String urlPattern) {
        DevTools devTools = ((HasDevTools) driver).getDevTools();
        devToolsAttached = true;
        devTools.createSessionIfThereIsNotOne();
        List<String> held = new CopyOnWriteArrayList<>();
        devTools.addListener(new Event<>("Fetch.requestPaused", Browser::requestId), (Consumer<String>) held::add);
        devTools.send(new Command<Void>("Fetch.enable", Map.of("patterns", List.of(Map.of("urlPattern", urlPattern)))));
        return () -> {
            for (String requestId : held) {
                devTools.send(new Command<Void>("Fetch.continueRequest", Map.of("requestId", requestId)));
            }
            devTools.send(new Command<Void>("Fetch.disable", Map.of()));
        };
    }

    /** Requests held back by {@link #holdRequests(String)}. */
    @FunctionalInterface
    public interface HeldRequests {
        /** Lets the held requests go on, and holds no more. */
        void release();
    }

    private static String requestId(JsonInput event) {
        String requestId = null;
        event.beginObject();
        while (event.hasNext()) {
            if (event.nextName().equals("requestId")) {
                requestId = event.nextString();
            } else {
                event.skipValue();
            }
        }
        event.endObject();
        return requestId;
    }

    /**
     * Clicks a link or a button that the server answers with a page, and waits until the browser has left this
     * page and loaded the next one with its scripts. A click returns as soon as it is sent: a test that reads
     * the address or the page right after it reads the old page, and an element found on a page being replaced
     * belongs to neither ("Node with given id does not belong to the document", which Chromium answers instead
     * of a stale element). So the old page is marked in its window object, which the next page does not have.
     */
    public void clickToNextPage(By by) {
        WebElement target = find(by);
        script("window.jcmLeaving = true");
        target.click();
        waitUntilLoaded();
        noteOrigin();
    }

    /** Presses keys on whatever has the keyboard's focus, as a user without a mouse does. */
    public void press(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    /** Presses keys that send the page's form or follow a link, and waits for the next page (see clickToNextPage). */
    public void pressToNextPage(CharSequence... keys) {
        script("window.jcmLeaving = true");
        press(keys);
        waitUntilLoaded();
        noteOrigin();
    }

    /** The element that has the keyboard's focus: its id, else its tag and text. */
    public String focused() {
        return (String) script("var e = document.activeElement;"
                + " return e.id ? '#' + e.id : e.tagName.toLowerCase() + ' ' + e.textContent.trim();");
    }

    /** Until a page other than a marked one has loaded with its deferred scripts, which attach the form checks. */
    private void waitUntilLoaded() {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class).until(browser ->
                Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                        "return window.jcmLeaving !== true && document.readyState === 'complete'")));
    }

    public void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public String text(By by) {
        return find(by).getText();
    }

    /** Runs a script in the page, as a user's browser extension or a browser without our script might. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Fetches a link's target with this browser's session cookie, as clicking a download link would, and
     * returns the response: headless Chromium saves downloads where a test cannot easily read them.
     */
    public HttpResponse<byte[]> download(String path) {
        String cookies = driver.manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The visible elements that reach beyond the window's left or right edge, which a reader would have to
     * scroll sideways to, or could not reach at all: empty when the page fits the window's width. What lies in a
     * box that scrolls sideways by itself, such as a wide table's, is reached by scrolling that box.
     */
    @SuppressWarnings("unchecked")
    public List<String> outsideTheWindow() {
        return (List<String>) script("""
                var width = document.documentElement.clientWidth, outside = [];
                document.querySelectorAll('body *').forEach(function (element) {
                  var box = element.getBoundingClientRect();
                  for (var parent = element.parentElement; parent; parent = parent.parentElement) {
                    var overflow = getComputedStyle(parent).overflowX;
                    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') {
                      var scroller = parent.getBoundingClientRect();
                      if (scroller.left >= -1 && scroller.right <= width + 1) { return; }
                    }
                  }
                  if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
                    outside.push(element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                        + (element.className ? '.' + element.className : ''));
                  }
                });
                return outside;""");
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * What the axe-core accessibility engine finds serious or critical on the page, against WCAG 2.1 AA (which
     * JIS X 8341-3 adopts): one line per rule, with the elements it fails on. Empty when the page passes.
     */
    public List<String> accessibilityViolations() {
        // axe is sent to a page once, not once per check: a page is checked at two widths, and sending it costs
        // the renderer a parse of half a megabyte. The run is axe's own in the page; the axe library's Selenium
        // runner made six more round trips to the browser per check (frames, timeouts), for frames the portal
        // does not have: together about 0.8 s of a check's 1.4 s, measured on the tour of every page.
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
            script(AXE_SCRIPT);
        }
        String violations = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, arguments[0]).then(function (results) {
                  done(JSON.stringify(results.violations));
                }, function (error) {
                  done(JSON.stringify({error: String(error)}));
                });""", AXE_OPTIONS);
        List<Rule> rules;
        try {
            rules = AXE_RESULTS.readValue(violations, new TypeReference<List<Rule>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("axe did not run on " + driver.getCurrentUrl() + ": " + violations, e);
        }
        return rules.stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::violation).toList();
    }

    /** axe-core as the axe library for Selenium ships it, at the root of its jar. */
    private static String axeScript() {
        try {
            return new ClassPathResource("axe.min.js").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String violation(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "): " + rule.getNodes().stream()
                .limit(5).map(node -> String.valueOf(node.getTarget()) + " " + node.getFailureSummary())
                .collect(Collectors.joining("; "));
    }

    /**
     * The table cells whose text a reader cannot read whole: text wider than its cell, or a word broken across
     * two lines ("担当/者", "2017年/度"). Words are the browser's own word segments for the page's language, so a
     * Japanese line may break between words but not inside one. Empty when every cell reads right.
     */
    @SuppressWarnings("unchecked")
    public List<String> unreadableTableCells() {
        return (List<String>) script("""
                var problems = [];
                document.querySelectorAll('td, th').forEach(function (cell) {
                  if (cell.getClientRects().length === 0) { return; }
                  var text = cell.innerText.trim();
                  if (cell.scrollWidth > cell.clientWidth + 1) {
                    problems.push('wider than its cell: ' + text);
                    return;
                  }
                  var language = (cell.closest('[lang]') || document.documentElement).lang || 'en';
                  var segmenter = new Intl.Segmenter(language, {granularity: 'word'});
                  var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
                    if (node.parentElement.getClientRects().length === 0) { continue; }
                    for (var segment of segmenter.segment(node.data)) {
                      if (!segment.isWordLike || segment.segment.length < 2) { continue; }
                      var range = document.createRange();
                      range.setStart(node, segment.index);
                      range.setEnd(node, segment.index + segment.segment.length);
                      var tops = new Set(Array.from(range.getClientRects())
                          .filter(function (box) { return box.width > 0; })
                          .map(function (box) { return Math.round(box.top); }));
                      if (tops.size > 1) {
                        problems.push('"' + segment.segment + '" broken in: ' + text);
                      }
                    }
                  }
                });
                return problems;""");
    }

    /** The errors the page's console logged since the last call: failed scripts, refused resources. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Lays the page out as for printing (its print stylesheet), or back as for the screen. */
    public void emulatePrint(boolean print) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
    }

    /** Prints the page on A4 into target/screenshots/{name}.pdf, for a person to look at; returns the PDF. */
    public byte[] printOnA4(String name) {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(((PrintsPage) driver).print(options).getContent());
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".pdf"), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf;
    }

    /**
     * Saves the whole page as target/screenshots/{name}.png, for a person to look at: captured beyond the window
     * (Chromium lays the page out at its full height for the shot, as Puppeteer's full-page screenshot does), with
     * PNG's fast compression, since a person looks at the picture and no test compares it.
     */
    @SuppressWarnings("unchecked")
    public void screenshot(String name) {
        ChromeDriver chrome = (ChromeDriver) driver;
        Map<String, Object> size = (Map<String, Object>) chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "optimizeForSpeed", true, "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                        "width", size.get("width"), "height", size.get("height"), "scale", 1)));
        try {
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Done with the browser: it forgets what this test did (its cookies, what its pages stored, its window's size
     * and media, its console) and is kept for the next test; one that cannot forget, or had DevTools attached, is
     * quit.
     */
    @Override
    public void close() {
        if (!devToolsAttached && forgetEverything()) {
            IdleBrowsers.giveBack(chromium);
        } else {
            chromium.quit();
        }
    }

    private boolean forgetEverything() {
        try {
            ChromeDriver chrome = (ChromeDriver) driver;
            List<String> windows = List.copyOf(driver.getWindowHandles());
            for (String window : windows.subList(1, windows.size())) {
                driver.switchTo().window(window).close();
            }
            driver.switchTo().window(windows.get(0));
            driver.get("about:blank");
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            for (String origin : origins) {
                chrome.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
            }
            driver.manage().logs().get(LogType.BROWSER);
            driver.manage().window().setSize(WINDOW);
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }
}
