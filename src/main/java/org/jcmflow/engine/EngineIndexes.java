package org.jcmflow.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own task table that its schema lacks ({@link EngineTables}), and the inbox's table of
 * open tasks filled from the engine's where it lacks some ({@link EngineTables#fillOpenTasks}). The engine creates
 * its tables when it starts on a new database, after our migrations have run; so this is done here, once the
 * engine is built.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private final JdbcClient jdbc;

    EngineIndexes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        EngineTables.createMissingIndexes(jdbc);
        EngineTables.fillOpenTasks(jdbc);
    }
}
