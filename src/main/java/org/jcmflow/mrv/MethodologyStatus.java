package org.jcmflow.mrv;

/** Where a methodology stands in the register; the Joint Committee's decision gives the last three. */
public enum MethodologyStatus {
    DRAFTED,
    PROPOSED,
    APPROVED,
    APPROVED_WITH_REVISIONS,
    REJECTED;

    /** Approved as drafted or with revisions: a case of the partner country may apply it. */
    public boolean approved() {
        return this == APPROVED || this == APPROVED_WITH_REVISIONS;
    }
}
