package org.jcmflow.web;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jcmflow.problem.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/** Messages for page controllers, in the language of the current request. */
@Component
public class PageMessages {

    /** Digits with or without thousands separators, a sign, decimals, or BigDecimal's exponent. */
    private static final Pattern GROUPED = Pattern.compile("[+-]?(\\d+|\\d{1,3}(,\\d{3})+)?(\\.\\d+)?([eE][+-]?\\d+)?");

    private final MessageSource messages;

    PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** A whole number typed in a field, as {@link #number} reads it; null and an error for a fraction. */
    public Integer wholeNumber(String field, String text, Map<String, String> errors) {
        BigDecimal number = number(field, text, errors);
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            errors.put(field, get("problem.wholeNumber"));
            return null;
        }
    }

    /** A date typed in a field (ISO 8601, as date inputs send it); null when empty, null and an error when no date. */
    public LocalDate date(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, get("problem.date"));
            return null;
        }
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
            return readNumber(text);
        } catch (NumberFormatException notANumber) {
            errors.put(field, get("problem.number"));
            return null;
        }
    }

    /**
     * A number as people type it in either language: thousands separators allowed, and the full-width digits,
     * separators and signs of a Japanese input method ("１，２００．５") read as their ASCII forms (Unicode's
     * compatibility forms), as are the ideographic comma and full stop typed for them ("１、２００").
     *
     * @throws NumberFormatException for anything that is no number
     */
    public static BigDecimal readNumber(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('、', ',').replace('。', '.')
                .replace('−', '-').strip();
        if (!GROUPED.matcher(ascii).matches()) {
            throw new NumberFormatException("Not a number: " + text);
        }
        return new BigDecimal(ascii.replace(",", ""));
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

    /**
     * The first problem of each field; an empty field's ("please choose", "please fill this in") before any other
     * that the same emptiness breaks, such as a select's pattern, which would only confuse.
     */
    public Map<String, String> fieldErrors(Errors bound) {
        Map<String, String> errors = new LinkedHashMap<>();
        bound.getFieldErrors().stream().filter(PageMessages::saysEmpty)
                .forEach(error -> errors.putIfAbsent(error.getField(), get(error)));
        bound.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), get(error)));
        return errors;
    }

    private static boolean saysEmpty(FieldError error) {
        return "NotBlank".equals(error.getCode()) || "NotNull".equals(error.getCode());
    }
}
