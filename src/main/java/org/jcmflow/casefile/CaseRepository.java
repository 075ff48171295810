package org.jcmflow.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jcmflow.web.Pagination;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CaseRepository {

    private static final String COLUMNS = """
            id, title, partner_country, technology, estimated_reduction_tco2_per_year, budget_million_jpy,
            fiscal_year, organization, created_by, created_at, stage, stage_entered_at, transfer_scheme, jcm_track_stage,
            jcm_track_stage_entered_at""";

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ProjectCase projectCase, UUID callId) {
        jdbc.sql("insert into project_case (" + COLUMNS + ", call_id) values "
                        + "(:id, :title, :country, :technology, :reduction, :budget, :fiscalYear, :organization, "
                        + ":createdBy, :createdAt, :stage, :stageEnteredAt, null, :jcmTrackStage, null, :callId)")
                .param("callId", callId)
                .param("id", projectCase.id())
                .param("title", projectCase.title())
                .param("country", projectCase.partnerCountry())
                .param("technology", projectCase.technology())
                .param("reduction", projectCase.estimatedReductionTco2PerYear())
                .param("budget", projectCase.budgetMillionJpy())
                .param("fiscalYear", projectCase.fiscalYear())
                .param("organization", projectCase.organization())
                .param("createdBy", projectCase.createdBy())
                .param("createdAt", Timestamp.from(projectCase.createdAt()))
                .param("stage", projectCase.stage().name())
                .param("stageEnteredAt", Timestamp.from(projectCase.stageEnteredAt()))
                .param("jcmTrackStage", projectCase.jcmTrackStage().name())
                .update();
    }

    void attachProcessInstance(UUID caseId, String processInstanceId) {
        jdbc.sql("update project_case set process_instance_id = ? where id = ?")
                .params(processInstanceId, caseId).update();
    }

    Optional<ProjectCase> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from project_case where id = ?").param(id)
                .query(CaseRepository::map).optional();
    }

    Map<UUID, ProjectCase> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + COLUMNS + " from project_case where id in (:ids)").param("ids", ids)
                .query(CaseRepository::map).stream()
                .collect(Collectors.toMap(ProjectCase::id, Function.identity()));
    }

    /** Locks the case row so that stage changes of one case are applied one after the other. */
    Optional<Stage> lockStage(UUID id) {
        return jdbc.sql("select stage from project_case where id = ? for update").param(id)
                .query((rs, row) -> Stage.valueOf(rs.getString(1))).optional();
    }

    void changeStage(UUID id, Stage stage, Instant at, String transferScheme) {
        jdbc.sql("update project_case set stage = ?, stage_entered_at = ?, "
                        + "transfer_scheme = coalesce(?, transfer_scheme) where id = ?")
                .params(stage.name(), Timestamp.from(at), transferScheme, id).update();
    }

    Optional<JcmTrackStage> jcmTrackStage(UUID id) {
        return jdbc.sql("select jcm_track_stage from project_case where id = ?").param(id)
                .query((rs, row) -> JcmTrackStage.valueOf(rs.getString(1))).optional();
    }

    void changeJcmTrackStage(UUID id, JcmTrackStage stage, Instant at) {
        jdbc.sql("update project_case set jcm_track_stage = ?, jcm_track_stage_entered_at = ? where id = ?")
                .params(stage.name(), Timestamp.from(at), id).update();
    }

    record Page(List<ProjectCase> content, long totalElements) {
    }

    Page search(CaseFilter filter, CaseSort sort, Locale locale, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        long total = jdbc.sql("select count(*) from project_case" + where).params(params)
                .query(Long.class).single();
        params.put("limit", size);
        params.put("offset", Pagination.offset(page, size));
        List<ProjectCase> content = jdbc.sql("select " + COLUMNS + " from project_case" + where
                        + " order by " + sort.orderBy(locale) + " limit :limit offset :offset")
                .params(params).query(CaseRepository::map).list();
        return new Page(content, total);
    }

    List<UUID> ids(CaseFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return new ArrayList<>(jdbc.sql("select id from project_case" + where(filter, params)).params(params)
                .query(UUID.class).list());
    }

    private static String where(CaseFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.organization() != null) {
            where.append(" and organization = :organization");
            params.put("organization", filter.organization());
        }
        if (filter.stage() != null) {
            where.append(" and stage = :stage");
            params.put("stage", filter.stage().name());
        }
        if (filter.jcmTrack() != null) {
            where.append(" and jcm_track_stage = :jcmTrack");
            params.put("jcmTrack", filter.jcmTrack().name());
        }
        if (filter.partnerCountry() != null) {
            where.append(" and partner_country = :country");
            params.put("country", filter.partnerCountry());
        }
        if (filter.fiscalYear() != null) {
            where.append(" and fiscal_year = :fiscalYear");
            params.put("fiscalYear", filter.fiscalYear());
        }
        if (filter.searchPattern() != null) {
            // the cases found along the search's own indexes first, as the task search finds them: a condition
            // on every case, with its "or" over the country names, read them all (at 100,000 cases, counting one
            // technology in fifty took 50 ms so and 24 ms along the trigram index)
            where.append(" and id in (").append(CaseSearch.matchingCaseIds(":search")).append(')');
            params.put("search", filter.searchPattern());
        }
        return where.toString();
    }

    private static ProjectCase map(ResultSet rs, int row) throws SQLException {
        return new ProjectCase(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("partner_country"),
                rs.getString("technology"),
                rs.getBigDecimal("estimated_reduction_tco2_per_year"),
                rs.getBigDecimal("budget_million_jpy"),
                rs.getInt("fiscal_year"),
                rs.getString("organization"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                Stage.valueOf(rs.getString("stage")),
                rs.getTimestamp("stage_entered_at").toInstant(),
                rs.getString("transfer_scheme"),
                JcmTrackStage.valueOf(rs.getString("jcm_track_stage")),
                rs.getTimestamp("jcm_track_stage_entered_at") == null ? null
                        : rs.getTimestamp("jcm_track_stage_entered_at").toInstant());
    }
}
