package org.jcmflow.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The Chromium processes no test is using, by the language they were started in, until a test asks for a browser
 * in that language; all are quit when the test JVM ends. Tests beside each other each get one of their own.
 */
final class IdleBrowsers {

    /** One Chromium with its chromedriver, started in a language, with its profile directory. */
    record Chromium(ChromeDriver driver, Path profile, String language) {

        void quit() {
            try {
                driver.quit();
            } catch (WebDriverException alreadyGone) {
                // the process ended by itself; its profile is removed all the same
            }
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // the profile is in the temporary directory; a leftover does no harm
            }
        }
    }

    private static final Map<String, Deque<Chromium>> IDLE = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(IdleBrowsers::quitAll, "quit-idle-browsers"));
    }

    private IdleBrowsers() {
    }

    /** An idle Chromium started in the language, or null when there is none. */
    static synchronized Chromium take(String language) {
        Deque<Chromium> idle = IDLE.get(language);
        return idle == null ? null : idle.pollFirst();
    }

    static synchronized void giveBack(Chromium chromium) {
        IDLE.computeIfAbsent(chromium.language(), language -> new ArrayDeque<>()).addFirst(chromium);
    }

    private static void quitAll() {
        List<Chromium> all = new ArrayList<>();
        synchronized (IdleBrowsers.class) {
            IDLE.values().forEach(all::addAll);
            IDLE.clear();
        }
        all.forEach(Chromium::quit);
    }
}
