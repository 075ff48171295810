package org.jcmflow.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stages a case went through and the steps taken on it. */
@Repository
class CaseTimeline {

    /** A period in a stage of one of the case's tracks: a {@link Stage} of the main track or a JCM track stage. */
    record StagePeriod(StageTrack track, String stage, Instant enteredAt, Instant leftAt) {

        StagePeriod(Stage stage, Instant enteredAt, Instant leftAt) {
            this(StageTrack.MAIN, stage.name(), enteredAt, leftAt);
        }
    }

    record Step(Instant when, String who, String what, String stepKey, Stage stage, String outcome, String details) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CaseTimeline(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    void enterStage(UUID caseId, Stage stage, Instant at) {
        enter(caseId, StageTrack.MAIN, stage.name(), stage.isFinal(), at);
    }

    void enterJcmTrackStage(UUID caseId, JcmTrackStage stage, Instant at) {
        enter(caseId, StageTrack.JCM, stage.name(), stage == JcmTrackStage.ENDED, at);
    }

    /** Closes the track's open period and opens the next; a final stage is entered and left at once. */
    private void enter(UUID caseId, StageTrack track, String stage, boolean isFinal, Instant at) {
        events.publishEvent(ProgrammeRecordsChanged.ofCase(caseId));
        jdbc.sql("update case_stage_period set left_at = ? where case_id = ? and track = ? and left_at is null")
                .params(Timestamp.from(at), caseId, track.name()).update();
        jdbc.sql("insert into case_stage_period (case_id, track, stage, entered_at, left_at) values (?, ?, ?, ?, ?)")
                .params(caseId, track.name(), stage, Timestamp.from(at), isFinal ? Timestamp.from(at) : null)
                .update();
    }

    List<StagePeriod> stagePeriods(UUID caseId) {
        return jdbc.sql("""
                        select track, stage, entered_at, left_at from case_stage_period where case_id = ?
                        order by entered_at, id""")
                .param(caseId)
                .query((rs, row) -> new StagePeriod(StageTrack.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    void recordStep(UUID caseId, Step step) {
        events.publishEvent(ProgrammeRecordsChanged.ofCase(caseId));
        jdbc.sql("""
                        insert into case_history (case_id, occurred_at, actor, step_key, step_name, stage, outcome, details)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(caseId, Timestamp.from(step.when()), step.who(), step.stepKey(), step.what(),
                        step.stage().name(), step.outcome(), step.details() == null ? "{}" : step.details())
                .update();
    }

    /** The step's last records on the case, newest first. */
    List<Step> lastRecords(UUID caseId, String stepKey, int count) {
        return jdbc.sql("""
                        select occurred_at, actor, step_name, step_key, stage, outcome, details::text
                        from case_history where case_id = ? and step_key = ? order by occurred_at desc, id desc
                        limit ?""")
                .params(caseId, stepKey, count)
                .query((rs, row) -> new Step(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), Stage.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)))
                .list();
    }

    List<Step> history(UUID caseId) {
        return jdbc.sql("""
                        select occurred_at, actor, step_name, step_key, stage, outcome, details::text
                        from case_history where case_id = ? order by occurred_at, id""")
                .param(caseId)
                .query((rs, row) -> new Step(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), Stage.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)))
                .list();
    }
}
