package org.jcmflow.mrv;

/** What public inputs are invited on, and the procedure's period for each. */
public enum PublicInputSubject {
    METHODOLOGY(JcmPeriods.Period.METHODOLOGY_PUBLIC_INPUTS),
    PROJECT_DESIGN(JcmPeriods.Period.PROJECT_DESIGN_PUBLIC_INPUTS);

    private final JcmPeriods.Period period;

    PublicInputSubject(JcmPeriods.Period period) {
        this.period = period;
    }

    JcmPeriods.Period period() {
        return period;
    }
}
