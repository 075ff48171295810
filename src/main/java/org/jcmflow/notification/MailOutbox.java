package org.jcmflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jcmflow.identity.UserDirectory.DirectoryUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The table of mails waiting to go out ({@code notification_outbox}): rows written in the step's transaction, taken
 * by the senders with {@code for update skip locked}, so that a row is in one node's hands at a time and is marked
 * sent once.
 */
@Component
public class MailOutbox {

    /** What waits to go out, as operators watch it. */
    public record Backlog(long due, long failing) {
    }

    /**
     * One row taken for sending: a mail to one recipient, or (recipient null) a mail still to be addressed.
     *
     * @param attempts the failed attempts so far
     */
    record Pending(long id, NotificationRequest request, String recipient, String name, String email,
                   String language, int attempts) {

        boolean addressed() {
            return recipient != null;
        }
    }

    private static final String REQUEST = """
            kind, case_id, task_id, task_key, task_name, due, assignee, candidate_groups, decision, mentioned_by,
            comment_id""";

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row per person whom mail reaches, in the calling transaction; due at once. */
    void add(NotificationRequest request, List<DirectoryUser> recipients, Instant now) {
        for (DirectoryUser person : recipients) {
            insert(request, person, now);
        }
    }

    /** One row for the mail as a whole: its recipients are found when it is sent. */
    void addUnaddressed(NotificationRequest request, Instant now) {
        insert(request, null, now);
    }

    private void insert(NotificationRequest request, DirectoryUser person, Instant now) {
        jdbc.sql("insert into notification_outbox (" + REQUEST + """
                        , recipient, recipient_name, email, language, created_at, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.kind().name(), request.caseId(), request.taskId(), request.taskKey(),
                        request.taskName(), request.due() == null ? null : Timestamp.from(request.due()),
                        request.assignee(), String.join(",", request.candidateGroups()), request.decision(),
                        request.mentionedBy(), request.commentId(),
                        person == null ? null : person.username(),
                        person == null ? null : Objects.toString(person.displayName(), person.username()),
                        person == null ? null : person.email(), person == null ? null : person.language(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /**
     * Takes up to {@code limit} rows due by now, oldest first, locked for the calling transaction; rows another
     * node holds are passed over, not waited for.
     */
    List<Pending> takeDue(Instant now, int limit) {
        return jdbc.sql("select id, " + REQUEST + """
                        , recipient, recipient_name, email, language, attempts
                        from notification_outbox
                        where sent_at is null and skipped_at is null and next_attempt_at <= ?
                        order by next_attempt_at, id
                        limit ?
                        for update skip locked""")
                .params(Timestamp.from(now), limit).query(MailOutbox::pending).list();
    }

    void sent(long id, Instant now) {
        jdbc.sql("update notification_outbox set sent_at = ?, last_error = null where id = ?")
                .params(Timestamp.from(now), id).update();
    }

    /** Needless by now (the task it asks to act on is done), or addressed: never to be sent. */
    void skipped(long id, Instant now, String why) {
        jdbc.sql("update notification_outbox set skipped_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(now), why, id).update();
    }

    void failed(long id, int attempts, Instant nextAttempt, String error) {
        jdbc.sql("update notification_outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(attempts, Timestamp.from(nextAttempt), error == null ? null
                        : error.substring(0, Math.min(error.length(), 2000)), id)
                .update();
    }

    /** The rows due by now and not sent yet, and of those the ones that failed at least once. */
    public Backlog backlog(Instant now) {
        return jdbc.sql("""
                        select count(*), count(*) filter (where attempts > 0)
                        from notification_outbox
                        where sent_at is null and skipped_at is null and next_attempt_at <= ?""")
                .param(Timestamp.from(now)).query((rs, row) -> new Backlog(rs.getLong(1), rs.getLong(2))).single();
    }

    private static Pending pending(ResultSet rs, int row) throws SQLException {
        Timestamp due = rs.getTimestamp(7);
        String groups = rs.getString(9);
        Long commentId = rs.getObject(12, Long.class);
        NotificationRequest request = new NotificationRequest(NotificationKind.valueOf(rs.getString(2)),
                rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                due == null ? null : due.toInstant(), rs.getString(8),
                groups == null || groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")), rs.getString(10),
                rs.getString(11), commentId);
        return new Pending(rs.getLong(1), request, rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getString(16), rs.getInt(17));
    }
}
