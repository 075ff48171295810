package org.jcmflow.lifecycle;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.jcmflow.engine.EngineTables;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At every start, once the engine has deployed the models of this release, moves the running cases of older
 * versions to them ({@link ModelRollout}). Each batch is one transaction that holds a PostgreSQL advisory lock, so
 * that nodes starting together take turns and each moves what the other left. Switched off with
 * {@code jcm.model-rollout.on-start-up=false}; then nothing moves until a start with it on.
 */
@Component
@Order(0)
@EnableConfigurationProperties(ModelRolloutOnStartUp.Properties.class)
class ModelRolloutOnStartUp implements ApplicationRunner {

    /** Any fixed number: the one lock of all nodes' rollouts. */
    private static final long LOCK = 0x4A434D526F6C6CL;

    /**
     * @param onStartUp whether a start moves the running cases (default true)
     * @param batchSize instances moved in one transaction (default 100)
     */
    @ConfigurationProperties("jcm.model-rollout")
    record Properties(Boolean onStartUp, Integer batchSize) {

        Properties {
            onStartUp = onStartUp == null || onStartUp;
            batchSize = batchSize == null ? 100 : batchSize;
            if (batchSize < 1) {
                throw new IllegalStateException("jcm.model-rollout.batch-size must be at least 1, not " + batchSize);
            }
        }
    }

    private final ModelRollout rollout;
    private final Properties properties;

    ModelRolloutOnStartUp(ProcessEngine engine, List<ModelChange> changes, TransactionTemplate transaction,
                          JdbcClient jdbc, EngineTables engineTables, Properties properties) {
        this.properties = properties;
        this.rollout = new ModelRollout(engine, changes, new ModelRollout.Batches() {
            @Override
            public <T> T inBatch(Supplier<T> work) {
                return transaction.execute(status -> {
                    jdbc.sql("select 1 from (select pg_advisory_xact_lock(?)) locked").param(LOCK).query(Integer.class).single();
                    return work.get();
                });
            }
        }, properties.batchSize(), engineTables::refreshOpenTasks);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.onStartUp()) {
            rollout.rollOut();
        }
    }
}
