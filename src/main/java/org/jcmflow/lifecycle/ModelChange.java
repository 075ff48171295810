package org.jcmflow.lifecycle;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * How running instances of one process move from an older version of its model to the latest, when the ids of
 * its wait states do not simply stay the same ({@link ModelRollout} maps equal ids by itself). One bean per such
 * change of a model; see README, "Rolling out a model change".
 */
interface ModelChange {

    /** Whether this change moves instances of the source version to the target version. */
    boolean covers(ProcessDefinition source, ProcessDefinition target, ProcessEngineServices engine);

    /**
     * The route an instance takes, when instances of one source version need different plans (by the path the
     * case took); one plan is built per route.
     */
    default String route(String processInstanceId, ProcessEngineServices engine) {
        return "all";
    }

    MigrationPlan plan(String route, ProcessDefinition source, ProcessDefinition target, ProcessEngineServices engine);

    /**
     * What the migration cannot do, done in the same transaction right after it: tokens the new model has where
     * the old one had none, by process instance modification.
     */
    default void afterMigration(String route, String processInstanceId, ProcessEngineServices engine) {
    }
}
