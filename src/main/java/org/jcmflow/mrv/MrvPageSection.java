package org.jcmflow.mrv;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jcmflow.casefile.CasePageSection;
import org.jcmflow.identity.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * The case's JCM track on the case page, once a methodology is proposed: its methodology, PDD with the MoC
 * statement, registration, monitoring periods, the periods of public inputs with their comments, and the credits
 * in the registries' accounts.
 */
@Component
class MrvPageSection implements CasePageSection {

    /** What the section shows. */
    record View(MrvQueries.CaseMrv mrv, List<PublicInputPeriod> publicInputs, RegistryLedger.CaseLedger ledger) {
    }

    private final MrvQueries mrv;
    private final PublicInputs publicInputs;
    private final RegistryLedger ledger;

    MrvPageSection(MrvQueries mrv, PublicInputs publicInputs, RegistryLedger ledger) {
        this.mrv = mrv;
        this.publicInputs = publicInputs;
        this.ledger = ledger;
    }

    @Override
    public Optional<Section> render(UUID caseId, CurrentUser user) {
        MrvQueries.CaseMrv caseMrv = mrv.caseMrv(caseId, user);
        return caseMrv.methodology() == null && caseMrv.monitoringPeriods().isEmpty() ? Optional.empty()
                : Optional.of(new Section("mrv/section", new View(caseMrv, publicInputs.list(false, caseId),
                        ledger.ofCase(caseId, user))));
    }
}
