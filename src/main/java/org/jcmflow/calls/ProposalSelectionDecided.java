package org.jcmflow.calls;

import java.util.UUID;

/** Published when a call's selection decides a proposal: its proponents are told. */
public record ProposalSelectionDecided(UUID caseId, String callTitle, boolean selected) {
}
