package org.jcmflow.stagegate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jcmflow.identity.UserDirectory.DirectoryUser;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The committee's rounds, members, evaluations and decisions, in our tables beside the case. */
@Repository
class StageGateRecords {

    private final JdbcTemplate jdbc;

    StageGateRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Member(String username, String displayName, String organization) {
    }

    record Round(long id, UUID caseId, int number, String convenedBy, Instant convenedAt, Instant deadline,
                 boolean extended, int quorum, Integer validEvaluations, BigDecimal averageScore,
                 String recommendation, String decision, Boolean decisionOverrides, String decisionRationale,
                 String revisionConditions, String decidedBy, Instant decidedAt) {
    }

    /** The organisation that proposed the case, whose people may not sit on its committee. */
    String proponentOrganization(UUID caseId) {
        return jdbc.queryForObject("select organization from project_case where id = ?", String.class, caseId);
    }

    long openRound(UUID caseId, String processInstanceId, String convenedBy, Instant convenedAt, Instant deadline,
                   int quorum, List<DirectoryUser> members) {
        Long roundId = jdbc.queryForObject("""
                insert into stage_gate_round (case_id, round_number, process_instance_id, convened_by, convened_at,
                                              deadline, quorum)
                values (?, (select coalesce(max(round_number), 0) + 1 from stage_gate_round where case_id = ?),
                        ?, ?, ?, ?, ?)
                returning id""", Long.class, caseId, caseId, processInstanceId, convenedBy,
                Timestamp.from(convenedAt), Timestamp.from(deadline), quorum);
        for (DirectoryUser member : members) {
            jdbc.update("insert into stage_gate_member (round_id, username, display_name, organization) values (?, ?, ?, ?)",
                    roundId, member.username(), member.displayName(), member.organization());
        }
        return roundId;
    }

    void extend(long roundId, Instant deadline) {
        jdbc.update("update stage_gate_round set deadline = ?, extended = true where id = ?",
                Timestamp.from(deadline), roundId);
    }

    void recordEvaluation(long roundId, Evaluation evaluation) {
        Map<Criterion, Integer> scores = evaluation.scores();
        jdbc.update("""
                insert into stage_gate_evaluation (round_id, username, conflict_of_interest, score_technical,
                    score_ghg_reduction, score_dissemination, score_cost_effectiveness, score_policy_fit,
                    score_commercialisation, comment, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                roundId, evaluation.member(), evaluation.conflictOfInterest(),
                scores.get(Criterion.TECHNICAL_EFFECTIVENESS), scores.get(Criterion.GHG_REDUCTION),
                scores.get(Criterion.DISSEMINATION_POTENTIAL), scores.get(Criterion.COST_EFFECTIVENESS),
                scores.get(Criterion.POLICY_FIT), scores.get(Criterion.COMMERCIALISATION), evaluation.comment(),
                Timestamp.from(evaluation.submittedAt()));
    }

    void recordTally(long roundId, CommitteeTally tally) {
        jdbc.update("update stage_gate_round set valid_evaluations = ?, average_score = ? where id = ?",
                tally.validEvaluations(), tally.averageScore(), roundId);
    }

    void recordRecommendation(long roundId, Recommendation recommendation) {
        jdbc.update("update stage_gate_round set recommendation = ? where id = ?", recommendation.name(), roundId);
    }

    void recordDecision(long roundId, String decision, boolean overrides, String rationale, String conditions,
                        String decidedBy, Instant decidedAt) {
        jdbc.update("""
                update stage_gate_round set decision = ?, decision_overrides = ?, decision_rationale = ?,
                    revision_conditions = ?, decided_by = ?, decided_at = ?
                where id = ?""", decision, overrides, rationale, conditions, decidedBy, Timestamp.from(decidedAt),
                roundId);
    }

    List<Round> rounds(UUID caseId) {
        return jdbc.query("select * from stage_gate_round where case_id = ? order by round_number",
                StageGateRecords::round, caseId);
    }

    Round round(long roundId) {
        return jdbc.queryForObject("select * from stage_gate_round where id = ?", StageGateRecords::round, roundId);
    }

    List<Member> members(long roundId) {
        return jdbc.query("select username, display_name, organization from stage_gate_member where round_id = ? "
                        + "order by username",
                (row, i) -> new Member(row.getString("username"), row.getString("display_name"),
                        row.getString("organization")), roundId);
    }

    List<Evaluation> evaluations(long roundId) {
        return jdbc.query("select * from stage_gate_evaluation where round_id = ? order by submitted_at, username",
                (row, i) -> evaluation(row), roundId);
    }

    private static Evaluation evaluation(ResultSet row) throws SQLException {
        Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            int score = row.getInt(criterion.column());
            if (!row.wasNull()) {
                scores.put(criterion, score);
            }
        }
        return new Evaluation(row.getString("username"), row.getBoolean("conflict_of_interest"), scores,
                row.getString("comment"), row.getTimestamp("submitted_at").toInstant());
    }

    private static Round round(ResultSet row, int rowNumber) throws SQLException {
        return new Round(row.getLong("id"), row.getObject("case_id", UUID.class), row.getInt("round_number"),
                row.getString("convened_by"), instant(row.getTimestamp("convened_at")),
                instant(row.getTimestamp("deadline")), row.getBoolean("extended"), row.getInt("quorum"),
                (Integer) row.getObject("valid_evaluations"), row.getBigDecimal("average_score"),
                row.getString("recommendation"), row.getString("decision"),
                (Boolean) row.getObject("decision_overrides"), row.getString("decision_rationale"),
                row.getString("revision_conditions"), row.getString("decided_by"),
                instant(row.getTimestamp("decided_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static List<String> usernames(List<Member> members) {
        List<String> usernames = new ArrayList<>();
        members.forEach(member -> usernames.add(member.username()));
        return usernames;
    }
}
