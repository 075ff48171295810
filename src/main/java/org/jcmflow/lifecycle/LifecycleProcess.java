package org.jcmflow.lifecycle;

/** Names the BPMN files and the Java code share. */
public final class LifecycleProcess {

    public static final String PROCESS_ID = "jcm-project-lifecycle";

    private LifecycleProcess() {
    }
}
