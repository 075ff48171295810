package org.jcmflow.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own task table that its schema lacks ({@link EngineTables}). The engine creates its
 * tables when it starts on a new database, after our migrations have run; so these are created here, once the
 * engine is built, when missing.
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
    }
}
