package org.jcmflow.tasks;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The index the inbox reads a page of tasks along: the engine's open tasks in due-date order. It is on the engine's
 * own table, which the engine creates when it starts on a new database, after our migrations have run; so it is
 * created here, once the engine is built, when it is missing.
 */
@Component
class InboxIndex extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(InboxIndex.class);

    private final JdbcClient jdbc;

    InboxIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try {
            jdbc.sql("create index if not exists act_idx_task_inbox_order on act_ru_task (due_date_, create_time_)")
                    .update();
        } catch (DataAccessException createdByAnotherNode) {
            // two nodes starting at once on a new database: the other one's index is the same
            log.info("The inbox index is being created by another node: {}", createdByAnotherNode.getMessage());
        }
    }
}
