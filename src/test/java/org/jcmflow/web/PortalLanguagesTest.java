package org.jcmflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

class PortalLanguagesTest {

    private final LocaleResolver resolver = new PortalLanguages().localeResolver();

    private static MockHttpServletRequest asking(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", acceptLanguage);
        return request;
    }

    @Test
    void theFirstSupportedLanguageTheBrowserAsksForIsUsed() {
        assertThat(resolver.resolveLocale(asking("ja-JP,ja;q=0.9,en;q=0.8")).getLanguage()).isEqualTo("ja");
        assertThat(resolver.resolveLocale(asking("fr-FR,fr;q=0.9,ja;q=0.5,en;q=0.4")).getLanguage()).isEqualTo("ja");
        assertThat(resolver.resolveLocale(asking("en-GB,ja;q=0.5")).getLanguage()).isEqualTo("en");
        assertThat(resolver.resolveLocale(asking("de-DE")).getLanguage()).isEqualTo("en");
    }

    @Test
    void aChosenLanguageIsKeptInACookieAndWinsOverTheBrowser() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        resolver.setLocale(asking("en"), response, Locale.JAPANESE);
        Cookie cookie = response.getCookie(PortalLanguages.COOKIE);
        assertThat(cookie).isNotNull();

        MockHttpServletRequest next = asking("en-US,en");
        next.setCookies(cookie);
        assertThat(resolver.resolveLocale(next).getLanguage()).isEqualTo("ja");
    }

    @Test
    void anUnsupportedChoiceFallsBackToEnglish() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        resolver.setLocale(asking("ja"), response, Locale.FRENCH);
        MockHttpServletRequest next = asking("ja");
        next.setCookies(response.getCookie(PortalLanguages.COOKIE));
        assertThat(resolver.resolveLocale(next).getLanguage()).isEqualTo("en");
    }
}
