package org.jcmflow.notification;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultLanguage the language of mails to people who have chosen none
 * @param from            the sender of the mails, e.g. {@code JCM Flow <jcm-flow@example.org>}
 */
@ConfigurationProperties("jcm.notifications")
record NotificationProperties(Locale defaultLanguage, String from) {

    NotificationProperties {
        if (defaultLanguage == null || defaultLanguage.getLanguage().isEmpty()) {
            defaultLanguage = Locale.JAPANESE;
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
