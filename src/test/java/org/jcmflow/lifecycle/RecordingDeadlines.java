package org.jcmflow.lifecycle;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Stands in for the deadline notifications in process tests and remembers the reminders and escalations sent. */
public class RecordingDeadlines {

    private final List<String> sent = new ArrayList<>();

    public void remind(DelegateExecution execution, String taskKey) {
        sent.add("reminder " + taskKey);
    }

    public void escalate(DelegateExecution execution, String taskKey) {
        sent.add("escalation " + taskKey);
    }

    public List<String> sent() {
        return sent;
    }
}
