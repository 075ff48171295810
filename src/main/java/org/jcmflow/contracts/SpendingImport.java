package org.jcmflow.contracts;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.jcmflow.problem.InvalidInput.FieldProblem;

/**
 * Reads an accounts file of spending: CSV in UTF-8 (a byte-order mark allowed, as spreadsheets write it), a header
 * naming the columns, one row per contract and fiscal year. Lines are counted as a spreadsheet shows them, the
 * header being line 1, so that an error's {@code rows[7]} is the seventh line of the file.
 */
final class SpendingImport {

    static final String CONTRACT_NUMBER = "contractNumber";
    static final String FISCAL_YEAR = "fiscalYear";
    static final String EXECUTED = "executedMillionJpy";
    static final String CARRIED_OVER = "carriedOverMillionJpy";
    static final String RETURNED = "returnedMillionJpy";
    static final List<String> COLUMNS = List.of(CONTRACT_NUMBER, FISCAL_YEAR, EXECUTED, CARRIED_OVER, RETURNED);
    private static final Set<String> REQUIRED = Set.of(CONTRACT_NUMBER, FISCAL_YEAR, EXECUTED);
    /** An accounts file holds a few hundred rows a year; more is no accounts file. */
    static final int MOST_ROWS = 10_000;

    record Row(int line, String contractNumber, Integer fiscalYear, SpendingEntry entry) {
    }

    /** The rows read, and what could not be read (each named by line and column). */
    record Parsed(List<Row> rows, List<FieldProblem> problems) {
    }

    private SpendingImport() {
    }

    static Parsed parse(byte[] file) {
        List<FieldProblem> problems = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            return failed("file", "is not UTF-8 text; save it from the spreadsheet as CSV UTF-8", "csvEncoding");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> lines;
        try (MappingIterator<List<String>> reader = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(text)) {
            lines = reader.readAll();
        } catch (IOException | RuntimeException e) {
            return failed("file", "is not a readable CSV file", "csvUnreadable");
        }
        if (lines.isEmpty()) {
            return failed("file", "is empty; the first line names the columns: " + String.join(",", COLUMNS), "csvEmpty");
        }
        if (lines.size() - 1 > MOST_ROWS) {
            return failed("file", "holds more than " + MOST_ROWS + " rows; split it", "csvTooLong", MOST_ROWS);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = lines.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (!COLUMNS.contains(name)) {
                problems.add(FieldProblem.coded("header", "names an unknown column '" + shorten(name)
                        + "'; the columns are " + String.join(", ", COLUMNS), "csvColumn"));
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(FieldProblem.coded("header", "names column " + name + " twice", "csvColumn"));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                problems.add(FieldProblem.coded("header", "lacks the column " + required, "csvColumn"));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        List<Row> rows = new ArrayList<>();
        for (int index = 1; index < lines.size(); index++) {
            List<String> cells = lines.get(index);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Line line = new Line(index + 1, cells, columns, problems);
            rows.add(new Row(index + 1, line.text(CONTRACT_NUMBER), line.year(FISCAL_YEAR),
                    new SpendingEntry(line.amount(EXECUTED), line.amount(CARRIED_OVER), line.amount(RETURNED))));
        }
        return new Parsed(rows, problems);
    }

    private static Parsed failed(String field, String message, String code, Object... arguments) {
        return new Parsed(List.of(), List.of(FieldProblem.coded(field, message, code, arguments)));
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** One line's cells by column name; a cell that is no number is named by its line and column. */
    private record Line(int number, List<String> cells, Map<String, Integer> columns, List<FieldProblem> problems) {

        String text(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= cells.size() || cells.get(index).isBlank()) {
                return null;
            }
            return cells.get(index).strip();
        }

        Integer year(String column) {
            BigDecimal number = amount(column);
            if (number == null) {
                return null;
            }
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                problem(column, "is not a whole number", "wholeNumber");
                return null;
            }
        }

        /** Thousands separators are allowed, as the accounts' spreadsheets write them. */
        BigDecimal amount(String column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                BigDecimal number = new BigDecimal(text.replace(",", ""));
                if (number.abs().compareTo(new BigDecimal("1e9")) > 0) {
                    problem(column, "is far too large", "max", "100,000");
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                problem(column, "is not a number", "number");
                return null;
            }
        }

        private void problem(String column, String message, String code, Object... arguments) {
            problems.add(FieldProblem.coded("rows[" + number + "]." + column, message, code, arguments));
        }
    }
}
