package org.jcmflow.tasks;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jcmflow.web.PageMessages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda Tasklist shows a task's Camunda Form as the engine deployed it, in English. For a reader of the portal
 * in Japanese (the language chosen in the portal, else the browser's), the form comes translated, with the
 * translations the portal's task pages use: its labels, descriptions, choices and texts.
 */
class TasklistFormTranslation extends OncePerRequestFilter {

    private static final Pattern DEPLOYED_FORM =
            Pattern.compile("/camunda/api/engine/engine/[^/]+/task/[^/]+/deployed-form/?");

    private final LocaleResolver languages;
    private final PageMessages messages;
    private final ObjectMapper json;

    TasklistFormTranslation(LocaleResolver languages, PageMessages messages, ObjectMapper json) {
        this.languages = languages;
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !DEPLOYED_FORM.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale language = languages.resolveLocale(request);
        if (Locale.ENGLISH.getLanguage().equals(language.getLanguage())) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper form = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, form);
        if (form.getStatus() != HttpServletResponse.SC_OK || form.getContentSize() == 0) {
            form.copyBodyToResponse();
            return;
        }
        JsonNode deployed = json.readTree(form.getContentAsByteArray());
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(language);
        try {
            translate(deployed.path("components"), new FormLabels(deployed.path("id").asText(), messages));
        } finally {
            LocaleContextHolder.setLocale(before);
        }
        byte[] translated = json.writeValueAsBytes(deployed);
        form.resetBuffer();
        response.setContentLength(translated.length);
        response.getOutputStream().write(translated);
    }

    private static void translate(JsonNode components, FormLabels labels) {
        for (JsonNode node : components) {
            if (!(node instanceof ObjectNode component)) {
                continue;
            }
            String key = component.path("key").asText(null);
            if ("text".equals(component.path("type").asText()) && component.has("text")) {
                component.put("text", labels.text(component.path("id").asText(), component.path("text").asText()));
            }
            if (key != null && component.has("label")) {
                component.put("label", labels.label(key, component.path("label").asText()));
            }
            if (key != null && component.has("description")) {
                component.put("description", labels.description(key, component.path("description").asText()));
            }
            for (JsonNode value : component.path("values")) {
                if (value instanceof ObjectNode option && key != null) {
                    option.put("label", labels.option(key, option.path("value").asText(),
                            option.path("label").asText()));
                }
            }
            translate(component.path("components"), labels);
        }
    }
}
