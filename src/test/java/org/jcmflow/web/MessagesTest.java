package org.jcmflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The portal says everything in both languages: Japanese has every English key. */
class MessagesTest {

    private static Properties read(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyEnglishMessageHasAJapaneseOne() throws IOException {
        Set<String> missing = new TreeSet<>(read("messages.properties").stringPropertyNames());
        missing.removeAll(read("messages_ja.properties").stringPropertyNames());
        // each language's name is written in that language, the same on both pages
        missing.removeIf(key -> key.startsWith("lang."));
        assertThat(missing).isEmpty();
    }
}
