package org.jcmflow.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jcmflow.problem.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/** Messages for page controllers, in the language of the current request. */
@Component
public class PageMessages {

    private final MessageSource messages;

    PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A number as a page's field holds it, thousands separators allowed; null for an empty field, and for anything
     * else that is no number, with the message under the field's name in the errors.
     */
    public BigDecimal number(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException notANumber) {
            errors.put(field, get("problem.number"));
            return null;
        }
    }

    public String get(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }

    /** A translation that may be missing, as for the labels of a Camunda Form. */
    public String getOrDefault(String code, String defaultText) {
        return messages.getMessage(code, null, defaultText, LocaleContextHolder.getLocale());
    }

    public String get(MessageSourceResolvable message) {
        return messages.getMessage(message, LocaleContextHolder.getLocale());
    }

    /** The first problem of each field, to show next to it; the server's checks are the same as the API's. */
    public Map<String, String> fieldErrors(InvalidInput e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach(problem -> errors.putIfAbsent(problem.field(), get(problem.localizable())));
        return errors;
    }

    public Map<String, String> fieldErrors(Errors bound) {
        Map<String, String> errors = new LinkedHashMap<>();
        bound.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), get(error)));
        return errors;
    }
}
