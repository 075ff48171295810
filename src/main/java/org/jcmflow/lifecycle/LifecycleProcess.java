package org.jcmflow.lifecycle;

/** Names the BPMN files and the Java code share. */
public final class LifecycleProcess {

    public static final String PROCESS_ID = "jcm-project-lifecycle";

    /** Every process of a case carries the case id as variable and as business key. */
    public static final String CASE_ID = "caseId";

    private LifecycleProcess() {
    }
}
