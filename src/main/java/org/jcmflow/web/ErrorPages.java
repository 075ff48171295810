package org.jcmflow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors outside page controllers (an unknown address, a page the user's roles do not open, a failure in a
 * filter) reach Spring Boot's error controller, which knows nothing of the portal's layout: its page gets the
 * same header as every other page, with the user, the navigation and the language switch.
 */
@Component
public class ErrorPages implements ErrorViewResolver {

    private final PageLayout layout;

    ErrorPages(PageLayout layout) {
        this.layout = layout;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> page = new LinkedHashMap<>(model);
        layout.addTo(page, request);
        return new ModelAndView(PageErrors.VIEW, page, status);
    }
}
