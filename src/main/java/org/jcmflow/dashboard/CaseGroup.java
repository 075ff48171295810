package org.jcmflow.dashboard;

/**
 * The cases of one fiscal year and one partner country, in one of {@link #SLICES} slices by case id: a case never
 * leaves its group. The dashboard's figures are counted per group, kept, and summed for the filter asked for, so that
 * a change to a case has its own group counted again and no other. The slices keep that count small where a fiscal
 * year and country hold thousands of cases; filters never name a slice.
 */
record CaseGroup(int fiscalYear, String partnerCountry, int slice) {

    static final int SLICES = 16;

    /**
     * The slice of the case {@code c}, in SQL: the last byte of the (random) id. The index of V91 holds this very
     * expression, so that a slice's cases are found along it: change both together.
     */
    static final String SLICE_OF_C = "get_byte(uuid_send(c.id), 15) % " + SLICES;

    /** The group's columns of the case {@code c}, in SQL, in the order the counts read them. */
    static final String COLUMNS = "c.fiscal_year, c.partner_country, " + SLICE_OF_C;

    /** Whether the group's cases are among those of the filter (a null field of the filter takes any). */
    boolean in(Dashboard.Filter filter) {
        return inCountry(filter) && (filter.fiscalYear() == null || filter.fiscalYear() == fiscalYear);
    }

    /** Whether the group's cases are of the filter's country, whatever their fiscal year. */
    boolean inCountry(Dashboard.Filter filter) {
        return filter.partnerCountry() == null || filter.partnerCountry().equals(partnerCountry);
    }
}
