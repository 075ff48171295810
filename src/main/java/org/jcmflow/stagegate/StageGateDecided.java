package org.jcmflow.stagegate;

import java.util.UUID;

/** Published when the programme manager has decided a stage gate, inside the engine's transaction. */
public record StageGateDecided(UUID caseId, String decision) {
}
