package org.jcmflow.programme;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jcmflow.casefile.CasePageSection;
import org.jcmflow.identity.CurrentUser;

import org.springframework.stereotype.Component;

/** The case's joint policy work with the partner ministry, on the case page once there is some. */
@Component
class PolicyWorkPageSection implements CasePageSection {

    private final PolicyWorkLog log;

    PolicyWorkPageSection(PolicyWorkLog log) {
        this.log = log;
    }

    @Override
    public Optional<Section> render(UUID caseId, CurrentUser user) {
        List<PolicyWork> work = log.ofCase(caseId, user);
        return work.isEmpty() ? Optional.empty() : Optional.of(new Section("programme/policy-work", work));
    }
}
