package org.jcmflow.casefile;

import java.util.Set;

/**
 * Steps whose actor and entered values are the programme's own (the stage-gate committee's evaluations), which
 * another capability names so that the case file need not know them. The proponent's organisation sees in the
 * case's history and open tasks that such a step happened, not who took it nor what they entered.
 */
public interface ConfidentialSteps {

    /** The BPMN ids of the steps, as the history and the open tasks name them. */
    Set<String> stepKeys();
}
