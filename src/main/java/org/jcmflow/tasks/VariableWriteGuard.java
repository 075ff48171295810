package org.jcmflow.tasks;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;

import org.springframework.stereotype.Component;

/**
 * A signed-in person changes a process's variables only by completing a task whose values our rules have checked
 * ({@link CheckedCompletion}); every other way the engine offers (a task's or an instance's variables, resolve with
 * variables, a message, a start, a modification) is refused, whichever way in it came. The engine reports each
 * variable it writes to its history handlers, in the command that writes it, so one check here sees them all.
 * The engine's own work (timers, the job executor) and our services act without an authenticated user and are not
 * checked; operators ({@code camunda-admin}) may repair a process's variables in Cockpit.
 */
@Component
class VariableWriteGuard extends AbstractProcessEnginePlugin implements HistoryEventHandler {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getCustomHistoryEventHandlers().add(this);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!(event instanceof HistoricVariableUpdateEventEntity variable)) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        Authentication actor = command == null ? null : command.getAuthentication();
        if (actor == null || CheckedCompletion.isUnderWay() || isOperator(actor) || completing()) {
            return;
        }
        throw new AuthorizationException(actor.getUserId() + " may not write the process variable '"
                + variable.getVariableName() + "': process variables change only when a task is completed "
                + "through its form.");
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    /**
     * A completion's own values: the engine then fires the task's complete event, where {@link TasklistWorkGuard}
     * refuses it with our rules' reason, or as not checked. Not so a form submitted on a delegated task, which
     * resolves it instead; so that one is held here.
     */
    private static boolean completing() {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return invocation != null && invocation.getCommand() instanceof CompleteTaskCmd;
    }

    private static boolean isOperator(Authentication actor) {
        return actor.getGroupIds() != null && actor.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }
}
