package org.jcmflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jcmflow.problem.Problem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app inbox: what the mails say, kept for each of their recipients (whether or not mail reaches them) until
 * they mark it read. Each person sees only their own notifications.
 */
@Component
class Inbox {

    /**
     * One notification as the bell's list shows it.
     *
     * @param kind  what it is about: newTask, reminder, escalation, stageGateDecision, mention
     * @param title what the mail's subject says, in the reader's language
     * @param link  the portal's page it is about (the task, the case, the comment)
     */
    record Entry(long id, String kind, UUID caseId, String taskId, String title, String link, Instant createdAt,
                 Instant readAt) {

        public boolean read() {
            return readAt != null;
        }
    }

    record Page(List<Entry> content, int page, int size, long totalElements, long unread) {
    }

    private static final String COLUMNS = """
            n.id, n.kind, n.case_id, n.task_id, n.task_key, n.task_name, n.due, n.assignee, n.candidate_groups,
            n.decision, n.mentioned_by, n.comment_id, n.created_at, n.read_at, c.title""";

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final Clock clock;

    Inbox(JdbcClient jdbc, MailTemplates templates, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.clock = clock;
    }

    /** Puts the notification in the inbox of each of the people, in the transaction that addresses its mails. */
    void deliver(NotificationRequest request, List<String> usernames) {
        Timestamp now = Timestamp.from(clock.instant());
        for (String username : usernames) {
            jdbc.sql("""
                            insert into inbox_notification (username, kind, case_id, task_id, task_key, task_name, due,
                                assignee, candidate_groups, decision, mentioned_by, comment_id, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(username, request.kind().name(), request.caseId(), request.taskId(), request.taskKey(),
                            request.taskName(), request.due() == null ? null : Timestamp.from(request.due()),
                            request.assignee(), String.join(",", request.candidateGroups()), request.decision(),
                            request.mentionedBy(), request.commentId(), now)
                    .update();
        }
    }

    @Transactional(readOnly = true)
    long unread(String username) {
        return jdbc.sql("select count(*) from inbox_notification where username = ? and read_at is null")
                .param(username).query(Long.class).single();
    }

    /** The person's notifications, newest first; the unread ones only, when asked. */
    @Transactional(readOnly = true)
    Page page(String username, boolean unreadOnly, int page, int size, Locale language) {
        String where = "n.username = :username" + (unreadOnly ? " and n.read_at is null" : "");
        List<Entry> entries = jdbc.sql("select " + COLUMNS + """
                         from inbox_notification n left join project_case c on c.id = n.case_id
                        where\s""" + where + " order by n.created_at desc, n.id desc limit :size offset :offset")
                .param("username", username).param("size", size).param("offset", (long) page * size)
                .query((rs, row) -> entry(rs, language)).list();
        long total = jdbc.sql("select count(*) from inbox_notification n where " + where)
                .param("username", username).query(Long.class).single();
        return new Page(entries, page, size, total, unreadOnly ? total : unread(username));
    }

    /** Marks one of the person's notifications read and tells where it leads; another's is none of theirs (404). */
    @Transactional
    String markRead(long id, String username) {
        List<Entry> found = jdbc.sql("select " + COLUMNS + """
                         from inbox_notification n left join project_case c on c.id = n.case_id
                        where n.id = ? and n.username = ?""")
                .params(id, username).query((rs, row) -> entry(rs, Locale.ENGLISH)).list();
        if (found.isEmpty()) {
            throw Problem.notFound("No notification " + id, "noNotification");
        }
        jdbc.sql("update inbox_notification set read_at = ? where id = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), id).update();
        return found.get(0).link();
    }

    /** Marks every unread notification of the person read: how many there were. */
    @Transactional
    int markAllRead(String username) {
        return jdbc.sql("update inbox_notification set read_at = ? where username = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), username).update();
    }

    private Entry entry(ResultSet rs, Locale language) throws SQLException {
        String groups = rs.getString(9);
        Timestamp due = rs.getTimestamp(7);
        NotificationKind kind = NotificationKind.valueOf(rs.getString(2));
        long commentId = rs.getLong(12);
        NotificationRequest request = new NotificationRequest(kind, rs.getObject(3, UUID.class), rs.getString(4),
                rs.getString(5), rs.getString(6), due == null ? null : due.toInstant(), rs.getString(8),
                groups == null || groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")), rs.getString(10),
                rs.getString(11), rs.wasNull() ? null : commentId);
        Timestamp read = rs.getTimestamp(14);
        String caseTitle = rs.getString(15);
        return new Entry(rs.getLong(1), kind.messageKey(), request.caseId(), request.taskId(),
                templates.headline(request, language, caseTitle == null ? "" : caseTitle),
                MailTemplates.path(request), rs.getTimestamp(13).toInstant(), read == null ? null : read.toInstant());
    }
}
