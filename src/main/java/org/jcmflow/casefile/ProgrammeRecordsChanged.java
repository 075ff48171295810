package org.jcmflow.casefile;

/**
 * Published in a transaction that changes what the programme's figures are counted from: a case opened, a step
 * taken, a stage entered, a budget entered. Listeners that keep figures act once the transaction has committed.
 *
 * @param records what changed: a budget entry changes the budget's figures only, the rest may change any
 */
public record ProgrammeRecordsChanged(Records records) {

    public enum Records {
        /** Anything the figures are counted from. */
        ANY,
        /** The programme's budget as entered per fiscal year: no figure counted from the cases changes. */
        BUDGET
    }

    public ProgrammeRecordsChanged() {
        this(Records.ANY);
    }

    public static ProgrammeRecordsChanged budget() {
        return new ProgrammeRecordsChanged(Records.BUDGET);
    }
}
