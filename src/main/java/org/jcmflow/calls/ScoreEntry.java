package org.jcmflow.calls;

import java.util.Map;

/**
 * A committee member's scores of one proposal: each criterion of the call (its name) scored 1 to 5, or a declared
 * conflict of interest and no scores; a comment either way.
 */
public record ScoreEntry(Boolean conflictOfInterest, Map<String, Integer> scores, String comment) {
}
