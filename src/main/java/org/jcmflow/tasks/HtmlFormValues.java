package org.jcmflow.tasks;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jcmflow.web.PageMessages;

import org.springframework.util.MultiValueMap;

/**
 * Turns what an HTML form sends (text only) into the values the API takes, so that the task page and the API
 * go through the same validation: numbers become Long or Double, a checkbox becomes a Boolean (an unticked
 * one sends nothing), an empty input counts as not filled in. What is not a number stays text, for the
 * validator to refuse with its message. Parameters that are no field of the form (the CSRF token) are left out.
 */
final class HtmlFormValues {

    private HtmlFormValues() {
    }

    static Map<String, Object> convert(FormSchema form, MultiValueMap<String, String> submitted) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormSchema.Field field : form.fields()) {
            String text = submitted.getFirst(field.key());
            if (field.type() == FormSchema.FieldType.CHECKLIST) {
                List<String> ticked = submitted.getOrDefault(field.key(), List.of()).stream()
                        .filter(value -> value != null && !value.isBlank()).toList();
                if (!ticked.isEmpty()) {
                    values.put(field.key(), ticked);
                }
            } else if (field.type() == FormSchema.FieldType.CHECKBOX) {
                values.put(field.key(), "true".equals(text));
            } else if (text != null && !text.isBlank()) {
                values.put(field.key(), field.type() == FormSchema.FieldType.NUMBER ? number(text.strip()) : text);
            }
        }
        return values;
    }

    private static Object number(String text) {
        BigDecimal decimal;
        try {
            decimal = PageMessages.readNumber(text);
        } catch (NumberFormatException e) {
            return text;
        }
        if (decimal.scale() <= 0) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return decimal.doubleValue();
            }
        }
        return decimal.doubleValue();
    }
}
