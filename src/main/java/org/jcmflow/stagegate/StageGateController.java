package org.jcmflow.stagegate;

import java.util.UUID;

import org.jcmflow.identity.CurrentUsers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A case's stage gate: the committee's rounds, scores, recommendations and decisions. */
@RestController
class StageGateController {

    private final StageGateQueries stageGates;
    private final CurrentUsers currentUsers;

    StageGateController(StageGateQueries stageGates, CurrentUsers currentUsers) {
        this.stageGates = stageGates;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/cases/{id}/stage-gate")
    StageGateView stageGate(@PathVariable UUID id) {
        return stageGates.stageGate(id, currentUsers.current());
    }
}
