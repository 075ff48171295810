package org.jcmflow.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The portal speaks English and Japanese: first the language chosen with {@code ?lang=}, kept in a cookie,
 * else the first of the two that the browser's Accept-Language names, else English.
 */
@Configuration(proxyBeanMethods = false)
class PortalLanguages implements WebMvcConfigurer {

    static final List<String> SUPPORTED = List.of("en", "ja");
    static final String PARAMETER = "lang";
    static final String COOKIE = "jcm-lang";

    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, locale == null ? null : supported(List.of(locale)));
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> supported(Collections.list(request.getLocales())));
        return resolver;
    }

    /** The first supported language among those asked for, in their order of preference. */
    static Locale supported(List<Locale> asked) {
        return asked.stream().map(Locale::getLanguage).filter(SUPPORTED::contains).findFirst()
                .map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
