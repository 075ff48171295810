package org.jcmflow.casefile;

import java.util.UUID;

/** Starts the lifecycle process of a new case; the lifecycle module provides it. */
public interface CaseLifecycle {

    /** @return the id of the started process instance */
    String start(UUID caseId);
}
