package org.jcmflow.bench;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What B3's database holds at a size, to project it to larger ones: the rows and bytes (with their indexes) of the
 * tables that grow with each case's history, and the database's size.
 *
 * @param historyRows the rows of the history tables together: the engine's and ours
 */
record VolumeFootprint(double databaseMb, long historyRows, List<Table> tables) {

    record Table(String name, long rows, double mb) {
    }

    /** The tables a case's history fills: the engine's full history, our case history and stage periods. */
    static final List<String> HISTORY_TABLES = List.of("case_history", "case_stage_period", "act_hi_procinst",
            "act_hi_actinst", "act_hi_taskinst", "act_hi_identitylink", "act_hi_varinst", "act_hi_detail",
            "act_hi_op_log");

    /** The tables of cases and of their open work, beside them. */
    private static final List<String> OTHER_TABLES = List.of("project_case", "act_ru_task", "act_ru_execution",
            "act_ru_variable", "act_ru_identitylink", "act_ru_authorization", "act_ge_bytearray");

    static VolumeFootprint measure(JdbcClient jdbc) {
        long historyRows = 0;
        List<Table> tables = new java.util.ArrayList<>();
        for (String table : concat()) {
            long rows = jdbc.sql("select count(*) from " + table).query(Long.class).single();
            double mb = jdbc.sql("select pg_total_relation_size(cast(:table as regclass))").param("table", table)
                    .query(Long.class).single() / (1024.0 * 1024.0);
            tables.add(new Table(table, rows, mb));
            if (HISTORY_TABLES.contains(table)) {
                historyRows += rows;
            }
        }
        double databaseMb = jdbc.sql("select pg_database_size(current_database())").query(Long.class).single()
                / (1024.0 * 1024.0);
        return new VolumeFootprint(databaseMb, historyRows, List.copyOf(tables));
    }

    private static List<String> concat() {
        List<String> all = new java.util.ArrayList<>(HISTORY_TABLES);
        all.addAll(OTHER_TABLES);
        return all;
    }
}
