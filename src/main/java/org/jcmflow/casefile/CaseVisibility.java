package org.jcmflow.casefile;

/**
 * The cases a user may see, in a stage and a partner country, found by a search ({@link CaseSearch#pattern}): a
 * null field does not narrow them.
 */
public record CaseVisibility(String organization, Stage stage, String partnerCountry, String searchPattern) {
}
