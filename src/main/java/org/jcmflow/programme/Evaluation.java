package org.jcmflow.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One evaluation of the programme, as recorded: its kind, the day it was held and its result. */
public record Evaluation(UUID id, Evaluations.Kind kind, LocalDate heldOn, String result, String recordedBy,
                        Instant recordedAt) {
}
