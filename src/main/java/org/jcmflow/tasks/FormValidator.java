package org.jcmflow.tasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;

/**
 * Checks submitted values against a task's form on the server, as form-js does in the browser: required
 * fields, types, ranges, lengths and allowed options; keys the form does not have are refused. Returns the
 * values in the types the processes read (whole numbers as Long, decimals as Double, dates as ISO strings), and
 * null for every field of the form left empty or hidden: a task done again (a second committee round) must not
 * keep what its first completion wrote into the process, as its own words.
 */
final class FormValidator {

    private FormValidator() {
    }

    static Map<String, Object> validate(FormSchema form, Map<String, Object> submitted) {
        Map<String, Object> accepted = validate(form, submitted, false);
        form.fields().forEach(field -> accepted.putIfAbsent(field.key(), null));
        return accepted;
    }

    /**
     * A draft: what is filled in must fit the form as for a completion, but nothing is required yet. Returns only the
     * fields filled in.
     */
    static Map<String, Object> validateDraft(FormSchema form, Map<String, Object> submitted) {
        return validate(form, submitted, true);
    }

    private static Map<String, Object> validate(FormSchema form, Map<String, Object> submitted, boolean draft) {
        Map<String, Object> values = submitted == null ? Map.of() : submitted;
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, FormSchema.Field> fieldsByKey = new HashMap<>();
        form.fields().forEach(field -> fieldsByKey.put(field.key(), field));
        values.keySet().stream().filter(key -> !fieldsByKey.containsKey(key)).sorted()
                .forEach(key -> problems.add(FieldProblem.coded(key, "is not a field of this form", "notAField")));

        Map<String, Object> accepted = new LinkedHashMap<>();
        for (FormSchema.Field field : form.fields()) {
            // form-js submits no value for a hidden field; neither does the server keep one
            if (field.hideWhen().map(condition -> condition.hides(values)).orElse(false)) {
                continue;
            }
            Object value = values.get(field.key());
            if (isEmpty(value)) {
                if (field.required() && !draft) {
                    // an empty choice asks to choose, as a select's placeholder does, not to type something
                    problems.add(FieldProblem.coded(field.key(), "is required",
                            field.type() == FormSchema.FieldType.CHOICE ? "choiceRequired" : "required"));
                } else if (field.type() == FormSchema.FieldType.CHECKBOX && !draft) {
                    accepted.put(field.key(), Boolean.FALSE);
                }
                continue;
            }
            FieldProblem problem = check(field, value, accepted);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return accepted;
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String text && text.isBlank())
                || (value instanceof Collection<?> list && list.isEmpty());
    }

    /** A submitted value as the process reads it, or what is wrong with it. */
    private record Checked(Object value, FieldProblem problem) {

        static Checked accepted(Object value) {
            return new Checked(value, null);
        }

        static Checked refused(FieldProblem problem) {
            return new Checked(null, problem);
        }
    }

    /** @return what is wrong with the value, or null after putting the accepted value */
    private static FieldProblem check(FormSchema.Field field, Object value, Map<String, Object> accepted) {
        Checked checked = switch (field.type()) {
            case TEXT -> text(field, value);
            case NUMBER -> number(field, value);
            case CHECKBOX -> checkbox(field, value);
            case CHOICE -> choice(field, value);
            case CHECKLIST -> checklist(field, value);
            case DATE -> date(field, value);
        };
        if (checked.problem() == null) {
            accepted.put(field.key(), checked.value());
        }
        return checked.problem();
    }

    private static Checked text(FormSchema.Field field, Object value) {
        String key = field.key();
        if (!(value instanceof String text)) {
            return Checked.refused(FieldProblem.coded(key, "must be text", "text"));
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            return Checked.refused(FieldProblem.coded(key, "must be at most " + field.maxLength() + " characters",
                    "maxLength", String.valueOf(field.maxLength())));
        }
        if (field.minLength() != null && text.strip().length() < field.minLength()) {
            return Checked.refused(FieldProblem.coded(key, "must be at least " + field.minLength() + " characters",
                    "minLength", String.valueOf(field.minLength())));
        }
        if (field.pattern() != null && !Pattern.matches(field.pattern(), text)) {
            return Checked.refused(FieldProblem.coded(key, "does not have the expected format", "pattern"));
        }
        return Checked.accepted(text.strip());
    }

    private static Checked number(FormSchema.Field field, Object value) {
        String key = field.key();
        // beyond a double's range, JSON's 1e999 arrives as infinity, which no decimal holds
        if (!(value instanceof Number number) || number instanceof Double d && !Double.isFinite(d)
                || number instanceof Float f && !Float.isFinite(f)) {
            return Checked.refused(FieldProblem.coded(key, "must be a number", "number"));
        }
        BigDecimal decimal = new BigDecimal(number.toString());
        if (field.min() != null && decimal.compareTo(field.min()) < 0) {
            return Checked.refused(FieldProblem.coded(key, "must be at least " + field.min().toPlainString(), "min",
                    field.min().toPlainString()));
        }
        if (field.max() != null && decimal.compareTo(field.max()) > 0) {
            return Checked.refused(FieldProblem.coded(key, "must be at most " + field.max().toPlainString(), "max",
                    field.max().toPlainString()));
        }
        if (Math.max(decimal.stripTrailingZeros().scale(), 0) > field.decimalDigits()) {
            return Checked.refused(field.decimalDigits() == 0
                    ? FieldProblem.coded(key, "must be a whole number", "wholeNumber")
                    : FieldProblem.coded(key, "must have at most " + field.decimalDigits() + " decimal places",
                    "decimalDigits", String.valueOf(field.decimalDigits())));
        }
        return Checked.accepted(field.decimalDigits() == 0 ? (Object) decimal.longValueExact()
                : (Object) decimal.doubleValue());
    }

    private static Checked checkbox(FormSchema.Field field, Object value) {
        return value instanceof Boolean ? Checked.accepted(value)
                : Checked.refused(FieldProblem.coded(field.key(), "must be true or false", "boolean"));
    }

    private static Checked choice(FormSchema.Field field, Object value) {
        if (value instanceof String choice && field.optionValues().contains(choice)) {
            return Checked.accepted(choice);
        }
        // options read from the case (its documents) may be none yet
        return Checked.refused(FieldProblem.coded(field.key(), field.optionValues().isEmpty()
                ? "has nothing to choose from yet" : "must be one of " + String.join(", ", field.optionValues()),
                "choice"));
    }

    private static Checked checklist(FormSchema.Field field, Object value) {
        if (!(value instanceof Collection<?> chosen) || !chosen.stream().allMatch(String.class::isInstance)) {
            return Checked.refused(FieldProblem.coded(field.key(),
                    "must be a list of " + String.join(", ", field.optionValues()), "checklist"));
        }
        List<String> values = chosen.stream().map(String.class::cast).distinct().toList();
        if (!field.optionValues().containsAll(values)) {
            return Checked.refused(FieldProblem.coded(field.key(),
                    "must be chosen from " + String.join(", ", field.optionValues()), "choice"));
        }
        return Checked.accepted(new ArrayList<>(values));
    }

    private static Checked date(FormSchema.Field field, Object value) {
        try {
            if (value instanceof String text) {
                return Checked.accepted(LocalDate.parse(text).toString());
            }
        } catch (DateTimeParseException notADate) {
            // refused below
        }
        return Checked.refused(FieldProblem.coded(field.key(), "must be a date (YYYY-MM-DD)", "date"));
    }
}
