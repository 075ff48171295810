package org.jcmflow.engine;

import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * What a step of a case's process needs to know about where it runs: its case and who does it. The time comes
 * from the {@link EngineClock} bean, the application's {@code Clock}.
 */
public final class ProcessContext {

    /** Every process of a case carries the case id as variable and as business key. */
    public static final String CASE_ID = "caseId";

    /** The actor of work that nobody signed in did: the engine's own (a timer, a job). */
    public static final String ENGINE = "system";

    private ProcessContext() {
    }

    /** The case of the process the step runs in; empty for a process of no case. */
    public static Optional<UUID> caseOf(VariableScope scope) {
        Object caseId = scope.getVariable(CASE_ID);
        return caseId == null ? Optional.empty() : Optional.of(UUID.fromString(caseId.toString()));
    }

    /**
     * The case of the process the engine is executing in this thread, as it evaluates a step's expression (a task's
     * due date, its timers); empty outside the engine's execution, and for a process of no case.
     */
    public static Optional<UUID> executingCase() {
        return Context.getCoreExecutionContext() instanceof BpmnExecutionContext executing
                && executing.getExecution() != null ? caseOf(executing.getExecution()) : Optional.empty();
    }

    /** The case of the process the step runs in, which every process of a case has. */
    public static UUID caseId(VariableScope scope) {
        return caseOf(scope).orElseThrow(() -> new IllegalStateException("The process carries no " + CASE_ID));
    }

    /**
     * Who does the step: the signed-in person the engine acts for, else (work of the engine's own) the task's
     * assignee, else {@link #ENGINE}. Never a process variable, which a request could have written.
     */
    public static String actor(DelegateTask task) {
        return signedIn(task).orElse(task.getAssignee() != null ? task.getAssignee() : ENGINE);
    }

    /** The person the engine acts for in this step, if someone signed in started it. */
    public static Optional<String> signedIn(ProcessEngineServicesAware step) {
        Authentication authentication = step.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return Optional.ofNullable(authentication).map(Authentication::getUserId);
    }
}
