package org.jcmflow.casefile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;

/**
 * The order of a case list: one of a fixed set of columns, ascending or descending, written as the API and
 * the pages take it, {@code fiscalYear} or {@code fiscalYear,desc}. Only these columns reach the SQL.
 */
record CaseSort(Key key, boolean descending) {

    enum Key {
        TITLE("title", "lower(title)"),
        // in the order of the lifecycle, not of the alphabet
        STAGE("stage", "array_position(array[" + Arrays.stream(Stage.values()).map(stage -> "'" + stage + "'")
                .collect(Collectors.joining(", ")) + "]::varchar[], stage)"),
        // by the country's name in the reader's language, as the list shows it
        PARTNER_COUNTRY("partnerCountry", null),
        FISCAL_YEAR("fiscalYear", "fiscal_year"),
        // by the code: groups each organisation's cases together
        ORGANIZATION("organization", "organization"),
        REDUCTION("reduction", "estimated_reduction_tco2_per_year"),
        CREATED("created", "created_at");

        private final String parameter;
        private final String column;

        Key(String parameter, String column) {
            this.parameter = parameter;
            this.column = column;
        }

        String parameter() {
            return parameter;
        }

        static Optional<Key> of(String parameter) {
            return Arrays.stream(values()).filter(key -> key.parameter.equals(parameter)).findFirst();
        }
    }

    /** Newest first, as cases were listed before they could be sorted. */
    static final CaseSort DEFAULT = new CaseSort(Key.CREATED, true);

    /** Reads {@code key} or {@code key,asc} or {@code key,desc}; none is the default order. */
    static CaseSort parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String[] parts = text.strip().split("\\s*,\\s*", -1);
        Optional<Key> key = Key.of(parts[0]);
        String direction = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "asc";
        if (key.isEmpty() || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            String keys = Arrays.stream(Key.values()).map(Key::parameter).collect(Collectors.joining(", "));
            throw new InvalidInput(List.of(FieldProblem.coded("sort",
                    "must be one of " + keys + ", optionally followed by ,asc or ,desc", "sort", keys)));
        }
        return new CaseSort(key.get(), direction.equals("desc"));
    }

    /** As the parameter writes it. */
    String parameter() {
        return key.parameter() + (descending ? ",desc" : "");
    }

    /** The order a column's header asks for: ascending, or descending when the list is already ascending by it. */
    CaseSort byColumn(Key column) {
        return new CaseSort(column, column == key && !descending);
    }

    /** The SQL order: the chosen column, then newest first, so that paging is stable. */
    String orderBy(Locale locale) {
        String column = key == Key.PARTNER_COUNTRY
                ? "(select " + ("ja".equals(locale.getLanguage()) ? "name_ja" : "name_en")
                        + " from partner_country where iso_code = project_case.partner_country)"
                : key.column;
        return column + (descending ? " desc" : " asc") + ", created_at desc, id";
    }
}
