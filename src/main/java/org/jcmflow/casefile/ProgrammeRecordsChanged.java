package org.jcmflow.casefile;

/**
 * Published in a transaction that changes what the programme's figures are counted from: a case opened, a step
 * taken, a stage entered, a budget entered. Listeners that keep figures act once the transaction has committed.
 */
public record ProgrammeRecordsChanged() {
}
