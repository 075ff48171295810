package org.jcmflow.discussion;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.CaseTasks;
import org.jcmflow.casefile.ConfidentialSteps;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.identity.UserDirectory;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The discussion on each case: whoever may see the case reads and writes its comments, on the case or on one of
 * its open tasks. Internal comments are the programme office's and the committees' (never of the proponent's own
 * organisation); proponents never see them, however they ask. A comment on a committee's confidential step is
 * internal by nature.
 */
@Service
public class Discussion {

    private static final Logger log = LoggerFactory.getLogger(Discussion.class);

    /** The programme office and the committees. */
    private static final Set<Role> INTERNAL_READERS = EnumSet.of(Role.PROGRAM_MANAGER, Role.ADMIN,
            Role.STAGE_GATE_COMMITTEE, Role.JOINT_COMMITTEE);

    private final CaseFileService cases;
    private final CaseTasks caseTasks;
    private final List<ConfidentialSteps> confidentialSteps;
    private final UserDirectory directory;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Discussion(CaseFileService cases, CaseTasks caseTasks, List<ConfidentialSteps> confidentialSteps,
               UserDirectory directory, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.cases = cases;
        this.caseTasks = caseTasks;
        this.confidentialSteps = confidentialSteps;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Whether the user reads and writes the case's internal comments. */
    public static boolean seesInternal(CurrentUser user, ProjectCase projectCase) {
        return user.roles().stream().anyMatch(INTERNAL_READERS::contains) && !user.has(Role.PROPONENT)
                && !CaseFileService.seesOnlyOutcomes(user, projectCase);
    }

    /** The comments of a case the user may see, oldest first; of one of its tasks only, when given. */
    @Transactional(readOnly = true)
    public List<Comment> comments(UUID caseId, String taskId, CurrentUser user) {
        ProjectCase projectCase = cases.visibleCase(caseId, user);
        boolean internal = seesInternal(user, projectCase);
        return jdbc.sql("""
                        select id, case_id, task_id, task_key, task_name, author, written_at, internal, body, mentions
                        from case_comment
                        where case_id = :caseId and (:internal or not internal)
                          and (cast(:taskId as varchar) is null or task_id = :taskId)
                        order by written_at, id""")
                .param("caseId", caseId).param("internal", internal).param("taskId", taskId)
                .query(Discussion::comment).list();
    }

    /**
     * Writes the comment and tells the people it mentions. Nothing is written when it is refused: a mention of
     * somebody unknown or who could not read it, a task that is not open on the case, an internal comment by
     * someone who may not write one.
     */
    @Transactional
    public Comment post(UUID caseId, NewComment comment, CurrentUser user) {
        ProjectCase projectCase = cases.visibleCase(caseId, user);
        List<FieldProblem> problems = new ArrayList<>();
        Optional<CaseTasks.OpenTask> task = Optional.empty();
        if (comment.taskId() != null && !comment.taskId().isBlank()) {
            task = caseTasks.openTasks(caseId).stream().filter(open -> open.id().equals(comment.taskId())).findFirst();
            if (task.isEmpty()) {
                problems.add(FieldProblem.coded("taskId", "is no open task of this case", "commentTask"));
            }
        }
        boolean confidential = task.filter(open -> confidentialSteps.stream()
                .anyMatch(steps -> steps.stepKeys().contains(open.taskKey()))).isPresent();
        boolean internal = comment.isInternal() || confidential;
        if (internal && !seesInternal(user, projectCase)) {
            problems.add(confidential
                    ? FieldProblem.coded("taskId", "is a step of the committee's own; only the programme office "
                    + "and the committees comment on it", "commentConfidentialTask")
                    : FieldProblem.coded("internal", "only the programme office and the committees write "
                    + "internal comments", "commentInternal"));
        }
        List<String> mentions = Mentions.in(comment.text());
        for (String username : mentions) {
            Optional<CurrentUser> person = directory.person(username);
            if (person.isEmpty()) {
                problems.add(FieldProblem.coded("text", "mentions @" + username + ", who is no user of JCM Flow",
                        "mentionUnknown", username));
            } else if (!cases.maySee(person.get(), projectCase)
                    || (internal && !seesInternal(person.get(), projectCase))) {
                problems.add(FieldProblem.coded("text", "mentions @" + username + ", who may not read this comment",
                        "mentionCannotRead", username));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String taskId = task.map(CaseTasks.OpenTask::id).orElse(null);
        String taskKey = task.map(CaseTasks.OpenTask::taskKey).orElse(null);
        String taskName = task.map(CaseTasks.OpenTask::name).orElse(null);
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into case_comment (case_id, task_id, task_key, task_name, author, written_at, internal, body,
                            mentions)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(caseId, taskId, taskKey, taskName, user.username(), now, internal, comment.text().strip(),
                        mentions.toArray(String[]::new))
                .query(Long.class).single();
        List<String> told = mentions.stream().filter(username -> !username.equals(user.username())).toList();
        if (!told.isEmpty()) {
            events.publishEvent(new MentionsMade(caseId, taskId, taskKey, taskName, id, user.username(), told));
        }
        log.info("Comment {} on case {}{} by {}{}", id, caseId, taskKey == null ? "" : " (" + taskKey + ")",
                user.username(), internal ? ", internal" : "");
        return new Comment(id, caseId, taskId, taskKey, taskName, user.username(), now.toInstant(), internal,
                comment.text().strip(), mentions);
    }

    private static Comment comment(ResultSet rs, int row) throws SQLException {
        Array mentions = rs.getArray(10);
        return new Comment(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8), rs.getString(9),
                mentions == null ? List.of() : Arrays.asList((String[]) mentions.getArray()));
    }
}
