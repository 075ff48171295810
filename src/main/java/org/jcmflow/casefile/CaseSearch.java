package org.jcmflow.casefile;

import java.util.List;
import java.util.Locale;

import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;

/**
 * What the search box looks for in a case: its title, technology, organisation, partner country (code or name)
 * and number, as a substring in any script. The pattern matches {@code project_case.search_text} (V67), indexed
 * by trigrams.
 */
public final class CaseSearch {

    /** The longest search text: longer is no search a person types. */
    public static final int MAX_LENGTH = 200;

    /**
     * The ids of the cases the search finds, as a query with the parameter {@code #{name}} (or {@code :name}): those
     * whose search text holds it, and those of a partner country whose name holds it, each half read along its own
     * index (the trigram index of the search text; the cases of a country), so that a few cases found out of many
     * are looked up rather than every case read.
     */
    public static String matchingCaseIds(String parameter) {
        return "select found.id from project_case found where found.search_text like " + parameter
                + " union select found.id from project_case found join partner_country named"
                + " on named.iso_code = found.partner_country"
                + " where lower(named.name_en) like " + parameter + " or named.name_ja like " + parameter;
    }

    private CaseSearch() {
    }

    /**
     * The LIKE pattern of what the person typed, or null for no search (nothing typed): lower-cased, with LIKE's
     * wildcards taken literally. Too long is bad input naming {@code q}.
     */
    public static String pattern(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInput(List.of(FieldProblem.coded("q", "must be at most " + MAX_LENGTH + " characters",
                    "maxLength", MAX_LENGTH)));
        }
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
    }
}
