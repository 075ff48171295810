package org.jcmflow.dashboard;

import org.jcmflow.programme.Evaluations;
import org.jcmflow.programme.ProgrammeSettings;
import org.jcmflow.programme.Targets;

import org.springframework.stereotype.Component;

/** Lays the dashboard's figures out as the ledger, with the programme's settings, targets and evaluations. */
@Component
class Ledgers {

    private final DashboardProperties configured;
    private final ProgrammeSettings settings;
    private final Targets targets;
    private final Evaluations evaluations;

    Ledgers(DashboardProperties configured, ProgrammeSettings settings, Targets targets, Evaluations evaluations) {
        this.configured = configured;
        this.settings = settings;
        this.targets = targets;
        this.evaluations = evaluations;
    }

    ProgrammeLedger of(Dashboard dashboard) {
        return ProgrammeLedger.of(dashboard, targets.currentValue(Targets.Indicator.ACTIVITY,
                configured.studiesAndDemonstrationsPerYearTarget()), settings.current(), targets.history(),
                evaluations.all());
    }
}
