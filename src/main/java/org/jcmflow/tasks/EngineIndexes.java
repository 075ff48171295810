package org.jcmflow.tasks;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own task table that its schema lacks. The engine creates its tables when it starts on a
 * new database, after our migrations have run; so these are created here, once the engine is built, when missing.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    private static final Map<String, String> INDEXES = Map.of(
            // the inbox reads a page of open tasks in due-date order and stops there (CaseTaskService.inbox)
            "act_idx_task_inbox_order", "act_ru_task (due_date_, create_time_)",
            // the engine looks for a task's subtasks whenever it completes or deletes one: without this, a scan of
            // every open task at each step (measured: the bulk of the database's work at 50,000 open cases)
            "act_idx_task_parent", "act_ru_task (parent_task_id_)");

    private final JdbcClient jdbc;

    EngineIndexes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        INDEXES.forEach((name, columns) -> {
            try {
                jdbc.sql("create index if not exists " + name + " on " + columns).update();
            } catch (DataAccessException createdByAnotherNode) {
                // two nodes starting at once on a new database: the other one's index is the same
                log.info("Index {} is being created by another node: {}", name, createdByAnotherNode.getMessage());
            }
        });
    }
}
