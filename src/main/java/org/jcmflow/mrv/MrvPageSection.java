package org.jcmflow.mrv;

import java.util.Optional;
import java.util.UUID;

import org.jcmflow.casefile.CasePageSection;
import org.jcmflow.identity.CurrentUser;

import org.springframework.stereotype.Component;

/** The case's MRV on the case page: its methodology and monitoring periods, once a methodology is drafted. */
@Component
class MrvPageSection implements CasePageSection {

    private final MrvQueries mrv;

    MrvPageSection(MrvQueries mrv) {
        this.mrv = mrv;
    }

    @Override
    public Optional<Section> render(UUID caseId, CurrentUser user) {
        MrvQueries.CaseMrv caseMrv = mrv.caseMrv(caseId, user);
        return caseMrv.methodology() == null && caseMrv.monitoringPeriods().isEmpty() ? Optional.empty()
                : Optional.of(new Section("mrv/section", caseMrv));
    }
}
