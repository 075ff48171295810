package org.jcmflow.stagegate;

import java.util.Optional;
import java.util.UUID;

import org.jcmflow.casefile.CasePageSection;
import org.jcmflow.identity.CurrentUser;

import org.springframework.stereotype.Component;

/** The stage gate on the case page, once a committee has been convened. */
@Component
class StageGatePageSection implements CasePageSection {

    private final StageGateQueries stageGates;

    StageGatePageSection(StageGateQueries stageGates) {
        this.stageGates = stageGates;
    }

    @Override
    public Optional<Section> render(UUID caseId, CurrentUser user) {
        StageGateView view = stageGates.stageGate(caseId, user);
        return view.rounds().isEmpty() ? Optional.empty() : Optional.of(new Section("stagegate/section", view));
    }
}
