package org.jcmflow.lifecycle;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A deadline agreed outside the processes for a step of a case: a report due when the contract that commissions the
 * work ends. A step that opens takes it, with its reminder and escalation, in place of its configured duration; a
 * step already open when the deadline is agreed or changed is moved ({@link StepDeadlines}). Implemented by the
 * packages that keep such agreements, which the processes do not know.
 */
public interface AgreedDeadlines {

    /** The deadline agreed for the case's step, if any. */
    Optional<Instant> dueOf(UUID caseId, String taskKey);
}
