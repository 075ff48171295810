package org.jcmflow.casefile;

import java.util.UUID;

/**
 * Published in a transaction that changes what the programme's figures are counted from: a case opened, a step
 * taken, a stage entered, a contract entered, a budget entered, a target revised. Listeners that keep figures act
 * once the transaction has committed.
 *
 * @param records what changed
 * @param caseId  the case whose records changed, for {@link Records#CASE}
 */
public record ProgrammeRecordsChanged(Records records, UUID caseId) {

    public enum Records {
        /** Anything the figures are counted from, of any case. */
        ANY,
        /** The records of one case: what it adds to the figures, and nothing of the other cases. */
        CASE,
        /** The programme's own records (targets, forecasts, policy work, settings): none of what the cases add. */
        PROGRAMME,
        /** The programme's budget as entered per fiscal year, and the spending under contracts: the budget only. */
        BUDGET
    }

    public ProgrammeRecordsChanged() {
        this(Records.ANY, null);
    }

    public static ProgrammeRecordsChanged ofCase(UUID caseId) {
        return new ProgrammeRecordsChanged(Records.CASE, caseId);
    }

    public static ProgrammeRecordsChanged programme() {
        return new ProgrammeRecordsChanged(Records.PROGRAMME, null);
    }

    public static ProgrammeRecordsChanged budget() {
        return new ProgrammeRecordsChanged(Records.BUDGET, null);
    }
}
