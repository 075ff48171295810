package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Camunda Tasklist in Japanese: its menus, buttons and messages come from locales/ja.json, which the application
 * adds beside the webjar's en.json and de.json, and its config.js, which stands in for the webjar's, offers it.
 * Both are read from the class path as Tasklist's server reads them, so the webjar's en.json is the one of the
 * Camunda version in use: a key a new version adds fails here until it is translated.
 */
class TasklistLocalesTest {

    private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern AVAILABLE_LOCALES = Pattern.compile("availableLocales:\\s*\\[([^]]*)]");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyLabelOfTasklistIsInJapaneseWithTheSamePlaceholdersAndMarkup() throws IOException {
        JsonNode english = locale("en").path("labels");
        JsonNode japanese = locale("ja").path("labels");
        assertThat(english.size()).as("the webjar's en.json").isGreaterThan(300);

        List<String> missing = new ArrayList<>();
        Map<String, String> different = new TreeMap<>();
        english.fields().forEachRemaining(label -> {
            JsonNode translation = japanese.get(label.getKey());
            if (translation == null || !translation.isTextual()) {
                missing.add(label.getKey());
                return;
            }
            String original = label.getValue().asText();
            if (!all(PLACEHOLDER, original).equals(all(PLACEHOLDER, translation.asText()))
                    || !all(HTML_TAG, original).equals(all(HTML_TAG, translation.asText()))) {
                different.put(label.getKey(), original + " → " + translation.asText());
            }
        });
        assertThat(missing).as("labels without a Japanese translation").isEmpty();
        assertThat(different).as("translations whose placeholders or HTML differ from the English").isEmpty();
        assertThat(japanese.path("CLAIM_TASK").asText()).isEqualTo("担当する");
        assertThat(japanese.path("UNCLAIM_TASK").asText()).isEqualTo("担当を外す");
    }

    @Test
    void japaneseDatesHaveEveryPartThatTheEnglishOnesHave() throws IOException {
        JsonNode english = locale("en").path("dateLocales");
        JsonNode japanese = locale("ja").path("dateLocales");
        english.fieldNames().forEachRemaining(part -> {
            assertThat(japanese.has(part)).as(part).isTrue();
            assertThat(japanese.get(part).size()).as(part).isEqualTo(english.get(part).size());
        });
        assertThat(japanese.path("longDateFormat").path("LL").asText()).isEqualTo("YYYY年M月D日");
    }

    @Test
    void ourConfigurationWinsOverTheWebjarsAndOffersJapaneseWithEnglishAsFallback() throws IOException {
        List<URL> configurations = Collections.list(getClass().getClassLoader().getResources(TASKLIST
                + "scripts/config.js"));
        assertThat(configurations).as("ours and the webjar's").hasSize(2);
        assertThat(configurations.get(1).toString()).contains("camunda-webapp-webjar");

        String configuration = read(TASKLIST + "scripts/config.js");
        assertThat(configuration).as("the one Tasklist is served").contains("fallbackLocale: 'en'");
        Matcher available = AVAILABLE_LOCALES.matcher(configuration);
        assertThat(available.find()).isTrue();
        List<String> locales = List.of(available.group(1).replaceAll("[\\s']", "").split(","));
        assertThat(locales).contains("en", "ja");
        for (String locale : locales) {
            assertThat(locale(locale).path("labels").size()).as("locales/" + locale + ".json").isPositive();
        }
        // the script that keeps the dates in the reader's language, loaded before Tasklist starts
        assertThat(configuration).contains("'jcm-date-locale': 'scripts/date-locale'", "ngDeps: ['jcm.dateLocale']");
        assertThat(read(TASKLIST + "scripts/date-locale.js")).contains("angular.module('jcm.dateLocale'");
    }

    private JsonNode locale(String language) throws IOException {
        return json.readTree(read(TASKLIST + "locales/" + language + ".json"));
    }

    private String read(String path) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Camunda's locale files begin with a byte order mark
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        Collections.sort(found);
        return found;
    }
}
