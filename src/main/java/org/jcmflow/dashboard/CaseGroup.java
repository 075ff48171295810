package org.jcmflow.dashboard;

/**
 * The cases of one fiscal year and one partner country, which a case never leaves: the dashboard's figures are
 * counted per group, kept, and summed for the filter asked for, so that a change to a case has its own group counted
 * again and no other.
 */
record CaseGroup(int fiscalYear, String partnerCountry) {

    /** Whether the group's cases are among those of the filter (a null field of the filter takes any). */
    boolean in(Dashboard.Filter filter) {
        return inCountry(filter) && (filter.fiscalYear() == null || filter.fiscalYear() == fiscalYear);
    }

    /** Whether the group's cases are of the filter's country, whatever their fiscal year. */
    boolean inCountry(Dashboard.Filter filter) {
        return filter.partnerCountry() == null || filter.partnerCountry().equals(partnerCountry);
    }
}
