package org.jcmflow.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code open_task} (V90), the inbox's table of open tasks, as the engine changes them. Camunda's Spring
 * eventing publishes every task event from within the engine's command, in its transaction, and not skipped when
 * an operator skips custom listeners ({@code camunda.bpm.eventing.skippable: false}): a task created, given to a
 * person or back to its roles, its roles or due date changed through the engine's task service (each an assignment
 * or update event), completed, or deleted with its process (a case cancelled, a step interrupted).
 *
 * <p>The tasks an event names are written just before the transaction commits, from what the engine has written by
 * then ({@link EngineTables#writeOpenTasks}): an event comes while its command is still under way, and a role taken
 * away is still among the task's links at its update event. Written in the same transaction, the rows commit or
 * roll back with the engine's. A process moved to a new model version has no task event:
 * {@link EngineTables#refreshOpenTasks} writes its tasks again.
 */
@Component
class OpenTaskProjection {

    private final EngineTables engineTables;

    OpenTaskProjection(EngineTables engineTables) {
        this.engineTables = engineTables;
    }

    @EventListener
    public void taskChanged(DelegateTask task) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // no transaction of Spring's around the engine: the command's own, already under way; written now
            engineTables.writeOpenTasks(List.of(task.getId()));
            return;
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof ChangedTasks changed) {
                if (changed.written) {
                    // the engine at work after the transaction's tasks were written (from another synchronization)
                    engineTables.writeOpenTasks(List.of(task.getId()));
                } else {
                    changed.add(task.getId());
                }
                return;
            }
        }
        ChangedTasks changed = new ChangedTasks();
        changed.add(task.getId());
        TransactionSynchronizationManager.registerSynchronization(changed);
    }

    /**
     * Writes the rows of the tasks this transaction has changed so far, for a reader of {@code open_task} within it
     * (a step of a batch, then a read of the case's tasks): otherwise they are written only before it commits. Each
     * is written again then, from what the engine has written by that time.
     */
    static void catchUpWithThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof ChangedTasks changed) {
                changed.writeTheUnread();
            }
        }
    }

    /** The tasks changed in one transaction, written before it commits. */
    private final class ChangedTasks implements TransactionSynchronization {

        private final Set<String> taskIds = new LinkedHashSet<>();
        /** Changed since a reader within the transaction last had the rows written. */
        private final Set<String> unread = new LinkedHashSet<>();
        private boolean written;

        void add(String taskId) {
            taskIds.add(taskId);
            unread.add(taskId);
        }

        void writeTheUnread() {
            if (!written && !unread.isEmpty()) {
                engineTables.writeOpenTasks(unread);
                unread.clear();
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            engineTables.writeOpenTasks(taskIds);
            written = true;
        }
    }
}
