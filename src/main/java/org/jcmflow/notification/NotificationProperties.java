package org.jcmflow.notification;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultLanguage the language of mails to people who have chosen none
 * @param from            the sender of the mails, e.g. {@code JCM Flow <jcm-flow@example.org>}
 * @param retryFirst      how long after its first failure a mail is tried again; twice as long after each further one
 * @param retryMax        the longest wait between two tries of a mail
 */
@ConfigurationProperties("jcm.notifications")
record NotificationProperties(Locale defaultLanguage, String from, Duration retryFirst, Duration retryMax) {

    NotificationProperties {
        if (defaultLanguage == null || defaultLanguage.getLanguage().isEmpty()) {
            defaultLanguage = Locale.JAPANESE;
        }
        if (retryFirst == null) {
            retryFirst = Duration.ofMinutes(1);
        }
        if (retryMax == null) {
            retryMax = Duration.ofHours(1);
        }
    }

    /** The language of mails to a person: theirs if they chose Japanese or English, English for any other. */
    Locale languageOf(String chosen) {
        if (chosen == null || chosen.isBlank()) {
            return defaultLanguage;
        }
        return Locale.forLanguageTag(chosen).getLanguage().equals("ja") ? Locale.JAPANESE : Locale.ENGLISH;
    }
}
