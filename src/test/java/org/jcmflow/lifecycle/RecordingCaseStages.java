package org.jcmflow.lifecycle;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Stands in for {@link CaseStages} in process tests and remembers the stages the process announced. */
public class RecordingCaseStages {

    private final List<String> entered = new ArrayList<>();
    private final List<String> jcmTrack = new ArrayList<>();
    private String transferScheme;

    public void enter(DelegateExecution execution, String stage) {
        entered.add(stage);
    }

    public void transfer(DelegateExecution execution, String scheme) {
        entered.add("TRANSFERRED");
        transferScheme = scheme;
    }

    public void startJcmTrack(DelegateExecution execution) {
        jcmTrack.add("METHODOLOGY");
    }

    public void endJcmTrack(DelegateExecution execution) {
        jcmTrack.add("ENDED");
    }

    /** The stages of the case's main line, in order. */
    public List<String> entered() {
        return entered;
    }

    /** The JCM track's start and end, in order. */
    public List<String> jcmTrack() {
        return jcmTrack;
    }

    public String transferScheme() {
        return transferScheme;
    }
}
