package org.jcmflow.calls;

import java.time.LocalDate;
import java.util.List;

import org.jcmflow.contracts.ContractKind;
import org.jcmflow.stagegate.Criterion;

/**
 * A call for proposals as the programme manager opens it: what POST /api/calls takes. The window's days are the
 * programme office's, both included; the kinds are what the call invites, the criteria what its selection
 * committee scores (every criterion but commercialisation when none are given).
 */
public record CallEntry(String title, Integer fiscalYear, LocalDate opensOn, LocalDate closesOn,
                        List<ContractKind> kinds, List<Criterion> criteria) {
}
