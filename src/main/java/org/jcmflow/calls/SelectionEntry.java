package org.jcmflow.calls;

import java.util.List;
import java.util.UUID;

/**
 * The programme manager's selection of a call: the proposals selected (every other one of the call is not), and
 * the rationale, required where the selection departs from the committee's ranking.
 */
public record SelectionEntry(List<UUID> selected, String rationale) {
}
