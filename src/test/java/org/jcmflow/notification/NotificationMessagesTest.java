package org.jcmflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of notification has its line in the in-app inbox in both languages: a kind without one made the
 * inbox of everyone who had such a notification answer 500.
 */
class NotificationMessagesTest {

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindHasItsInboxLineInEnglishAndJapanese(NotificationKind kind) throws IOException {
        for (String file : new String[] {"messages.properties", "messages_ja.properties"}) {
            assertThat(messages(file).getProperty("notification." + kind.messageKey())).as(file + ": " + kind)
                    .isNotBlank();
        }
    }

    private static Properties messages(String file) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = NotificationMessagesTest.class.getResourceAsStream("/" + file)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
