package org.jcmflow.tasks;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of FEEL our forms use to hide a field: {@code =key = "VALUE"} or {@code =key != "VALUE"}, or a
 * comparison with {@code true} or {@code false} for a checkbox.
 * Forms are checked when loaded, so an expression beyond this fails at start-up, not on a user.
 */
record HideCondition(String key, boolean equal, String value) {

    private static final Pattern COMPARISON = Pattern.compile("=\\s*(\\w+)\\s*(!=|=)\\s*(?:\"([^\"]*)\"|(true|false))\\s*");

    static Optional<HideCondition> parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.empty();
        }
        Matcher matcher = COMPARISON.matcher(expression);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Unsupported hide condition: " + expression);
        }
        String value = matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
        return Optional.of(new HideCondition(matcher.group(1), "=".equals(matcher.group(2)), value));
    }

    boolean hides(Map<String, Object> values) {
        boolean matches = Objects.equals(value, values.get(key) == null ? null : String.valueOf(values.get(key)));
        return equal == matches;
    }
}
