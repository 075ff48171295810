package org.jcmflow.tasks;

/**
 * A completion whose actor and values our rules have checked ({@link CaseTaskService}, {@link TasklistRequestCheck}),
 * under way on this thread: the one way a signed-in person changes a process's variables
 * ({@link VariableWriteGuard}, {@link TasklistWorkGuard}). The engine runs a command on its caller's thread, so
 * what the request marks here is what the engine reads.
 */
final class CheckedCompletion implements AutoCloseable {

    private static final ThreadLocal<String> UNDER_WAY = new ThreadLocal<>();

    private CheckedCompletion() {
    }

    /** Marks the checked completion of the task until {@link #close()}. */
    static CheckedCompletion of(String taskId) {
        UNDER_WAY.set(taskId);
        return new CheckedCompletion();
    }

    static boolean isUnderWay() {
        return UNDER_WAY.get() != null;
    }

    static boolean isUnderWayFor(String taskId) {
        return taskId.equals(UNDER_WAY.get());
    }

    @Override
    public void close() {
        UNDER_WAY.remove();
    }
}
