package org.jcmflow.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the running instances of older versions of every process to its latest version, with Camunda's migration
 * API: equal activity ids map to each other, and a {@link ModelChange} says how where they do not. Instances move
 * in batches, each batch in one transaction that first reads which instances are still to move, so that a
 * second run (another node starting at the same time, a restart after a failure) moves only what is left. An
 * instance that cannot move is logged and stays on its version, where it keeps running; a later run tries again.
 */
class ModelRollout {

    private static final Logger log = LoggerFactory.getLogger(ModelRollout.class);

    /** Runs one batch: in one transaction, one node at a time. */
    interface Batches {
        <T> T inBatch(Supplier<T> work);
    }

    /** How many instances of each process moved to which version, and how many could not. */
    record Result(Map<String, Integer> moved, Map<String, Integer> failed) {

        int movedInAll() {
            return moved.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static final ModelChange SAME_IDS = new SameIds();

    private final ProcessEngine engine;
    private final List<ModelChange> changes;
    private final Batches batches;
    private final int batchSize;

    private final Consumer<List<String>> afterMove;

    ModelRollout(ProcessEngine engine, List<ModelChange> changes, Batches batches, int batchSize) {
        this(engine, changes, batches, batchSize, moved -> { });
    }

    /**
     * @param afterMove told the instances of each batch once they moved, in the batch's transaction: the inbox's
     *                  table of open tasks writes their tasks again (a migration changes a task's key without a
     *                  task event)
     */
    ModelRollout(ProcessEngine engine, List<ModelChange> changes, Batches batches, int batchSize,
                 Consumer<List<String>> afterMove) {
        this.engine = engine;
        this.changes = List.copyOf(changes);
        this.batches = batches;
        this.batchSize = batchSize;
        this.afterMove = afterMove;
    }

    Result rollOut() {
        Map<String, Integer> moved = new LinkedHashMap<>();
        Map<String, Integer> failed = new LinkedHashMap<>();
        Map<String, List<Version>> versionsByProcess = versionsByProcess();
        for (List<Version> versions : versionsByProcess.values()) {
            Version latest = versions.get(versions.size() - 1);
            List<Version> older = versions.subList(0, versions.size() - 1).stream()
                    .filter(version -> engine.getRuntimeService().createProcessInstanceQuery()
                            .processDefinitionId(version.id()).count() > 0)
                    .toList();
            if (older.isEmpty()) {
                continue;
            }
            ProcessDefinition target = engine.getRepositoryService().getProcessDefinition(latest.id());
            for (Version version : older) {
                ProcessDefinition source = engine.getRepositoryService().getProcessDefinition(version.id());
                String what = target.getKey() + " v" + source.getVersion() + " -> v" + target.getVersion();
                Counts counts = migrate(source, target);
                if (counts.moved() > 0) {
                    moved.put(what, counts.moved());
                }
                if (counts.failed() > 0) {
                    failed.put(what, counts.failed());
                }
            }
        }
        Result result = new Result(moved, failed);
        if (!moved.isEmpty() || !failed.isEmpty()) {
            log.info("Running cases moved to the latest models: {}; could not move: {}", moved, failed);
        }
        return result;
    }

    /** A deployed version of a process, as the engine's table of definitions lists it. */
    private record Version(String id, String key, int version, String tenantId) {
    }

    /**
     * Every deployed version of every process, oldest first, by process and tenant (a tenant's instances move to
     * that tenant's latest version only). Read as the engine's table pages, not as a definition query: that parses
     * every version's model for its documentation, which at start-up costs more than the rollout itself when
     * nothing is to move. Only the versions that have instances to move are parsed, by the migration.
     */
    private Map<String, List<Version>> versionsByProcess() {
        Map<String, List<Version>> byProcess = new TreeMap<>();
        int page = 200;
        for (int first = 0; ; first += page) {
            List<Map<String, Object>> rows = engine.getManagementService().createTablePageQuery()
                    .tableName(engine.getManagementService().getTableName(ProcessDefinition.class))
                    .listPage(first, page).getRows();
            for (Map<String, Object> row : rows) {
                Version version = new Version(column(row, "ID_"), column(row, "KEY_"),
                        Integer.parseInt(column(row, "VERSION_")), column(row, "TENANT_ID_"));
                byProcess.computeIfAbsent(version.key() + "\u0000" + Objects.toString(version.tenantId(), ""),
                        process -> new ArrayList<>()).add(version);
            }
            if (rows.size() < page) {
                break;
            }
        }
        byProcess.values().forEach(versions -> versions.sort(Comparator.comparingInt(Version::version)));
        return byProcess;
    }

    /** A column of a table page's row, whose keys are the column names in the database's own case. */
    private static String column(Map<String, Object> row, String name) {
        Object value = row.containsKey(name) ? row.get(name) : row.get(name.toLowerCase(Locale.ROOT));
        return value == null ? null : value.toString();
    }

    private record Counts(int moved, int failed) {
    }

    /** Moves the source version's instances batch by batch. */
    private Counts migrate(ProcessDefinition source, ProcessDefinition target) {
        ModelChange change = changes.stream().filter(candidate -> candidate.covers(source, target, engine))
                .findFirst().orElse(SAME_IDS);
        Map<String, MigrationPlan> plans = new HashMap<>();
        Set<String> failed = new LinkedHashSet<>();
        int moved = 0;
        while (true) {
            List<String> batch;
            try {
                batch = batches.inBatch(() -> {
                    List<String> ids = stillToMove(source, failed);
                    move(ids, change, plans, source, target);
                    return ids;
                });
            } catch (RuntimeException batchFailed) {
                // one instance that cannot move must not hold back the others: each on its own
                List<String> ids = batches.inBatch(() -> stillToMove(source, failed));
                for (String id : ids) {
                    try {
                        boolean movedHere = batches.inBatch(() -> {
                            boolean stillThere = stillToMove(source, failed).contains(id);
                            move(stillThere ? List.of(id) : List.of(), change, plans, source, target);
                            return stillThere;
                        });
                        moved += movedHere ? 1 : 0;
                    } catch (RuntimeException instanceFailed) {
                        failed.add(id);
                        log.error("Process instance {} ({} v{}) could not move to v{}; it keeps running on its "
                                        + "version: {}", id, source.getKey(), source.getVersion(), target.getVersion(),
                                instanceFailed.getMessage());
                    }
                }
                continue;
            }
            if (batch.isEmpty()) {
                return new Counts(moved, failed.size());
            }
            moved += batch.size();
        }
    }

    /** The next instances of the source version, read in the batch's transaction; those that failed left out. */
    private List<String> stillToMove(ProcessDefinition source, Set<String> failed) {
        List<String> ids = new ArrayList<>();
        for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionId(source.getId()).orderByProcessInstanceId().asc()
                .listPage(0, batchSize + failed.size())) {
            if (!failed.contains(instance.getId()) && ids.size() < batchSize) {
                ids.add(instance.getId());
            }
        }
        return ids;
    }

    private void move(List<String> ids, ModelChange change, Map<String, MigrationPlan> plans,
                      ProcessDefinition source, ProcessDefinition target) {
        Map<String, List<String>> byRoute = new LinkedHashMap<>();
        for (String id : ids) {
            byRoute.computeIfAbsent(change.route(id, engine), route -> new ArrayList<>()).add(id);
        }
        byRoute.forEach((route, ofRoute) -> {
            MigrationPlan plan = plans.computeIfAbsent(route, r -> change.plan(r, source, target, engine));
            engine.getRuntimeService().newMigration(plan).processInstanceIds(ofRoute).execute();
            for (String id : ofRoute) {
                change.afterMigration(route, id, engine);
            }
        });
        afterMove.accept(ids);
    }

    /**
     * A model whose wait states kept their ids: each maps to itself. Timers keep their due dates (their triggers
     * are not recomputed from the new model): a reminder or an escalation comes when it was set to.
     */
    private static final class SameIds implements ModelChange {

        @Override
        public boolean covers(ProcessDefinition source, ProcessDefinition target,
                              ProcessEngineServices engine) {
            return true;
        }

        @Override
        public MigrationPlan plan(String route, ProcessDefinition source, ProcessDefinition target,
                                  ProcessEngineServices engine) {
            return engine.getRuntimeService().createMigrationPlan(source.getId(), target.getId())
                    .mapEqualActivities().build();
        }
    }
}
