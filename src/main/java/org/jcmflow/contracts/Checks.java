package org.jcmflow.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;

/**
 * The field checks the contract records share, collected rather than thrown one by one, so that a reader (or an
 * accounts file's author) sees every bad field at once. The prefix names the row of an imported file.
 */
final class Checks {

    /** Amounts are million JPY to one decimal place, as the ledger states them; the table holds up to this. */
    static final BigDecimal MOST_MILLION_JPY = new BigDecimal("100000");
    private static final Pattern CONTRACT_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_/.-]{0,39}");

    private final String prefix;
    private final List<FieldProblem> problems;

    Checks(String prefix, List<FieldProblem> problems) {
        this.prefix = prefix;
        this.problems = problems;
    }

    Checks() {
        this("", new ArrayList<>());
    }

    List<FieldProblem> problems() {
        return problems;
    }

    void add(String field, String message, String code, Object... arguments) {
        problems.add(FieldProblem.coded(prefix + field, message, code, arguments));
    }

    boolean required(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            add(field, "is required", "required");
            return false;
        }
        return true;
    }

    void text(String field, String value, int maxLength) {
        if (required(field, value) && value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters", "maxLength", maxLength);
        }
    }

    void contractNumber(String field, String value) {
        if (required(field, value) && !CONTRACT_NUMBER.matcher(value).matches()) {
            add(field, "must be letters, digits and - _ / . (at most 40), such as 20130000000123", "pattern");
        }
    }

    /** An amount above zero, as a contract's. */
    void positiveAmount(String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                required(field, null);
            }
            return;
        }
        if (value.signum() <= 0) {
            add(field, "must be more than 0", "positiveAmount");
        } else {
            withinTable(field, value);
        }
    }

    /** An amount of zero or more, as spending's. */
    void amount(String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0) {
            add(field, "must not be negative", "min", 0);
        } else {
            withinTable(field, value);
        }
    }

    private void withinTable(String field, BigDecimal value) {
        if (value.compareTo(MOST_MILLION_JPY) > 0) {
            add(field, "must be at most 100,000 (million JPY)", "max", "100,000");
        } else if (value.stripTrailingZeros().scale() > 1) {
            add(field, "must have at most one decimal place", "decimalDigits", 1);
        }
    }

    void notBefore(String field, LocalDate value, String otherField, LocalDate other) {
        if (value != null && other != null && value.isBefore(other)) {
            add(field, "must not be before " + otherField, "notBefore", otherField);
        }
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
