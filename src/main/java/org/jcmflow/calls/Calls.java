package org.jcmflow.calls;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jcmflow.casefile.CaseTasks;
import org.jcmflow.casefile.FiscalYears;
import org.jcmflow.casefile.ProgrammeRecordsChanged;
import org.jcmflow.contracts.ContractKind;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.identity.UserDirectory.DirectoryUser;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jcmflow.problem.Problem;
import org.jcmflow.stagegate.CommitteeRules;
import org.jcmflow.stagegate.CommitteeTally;
import org.jcmflow.stagegate.Criterion;
import org.jcmflow.stagegate.Evaluation;
import org.jcmflow.tasks.TaskWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls for proposals (公募) and their selection (採択審査): a programme manager opens a call, proposals come in
 * while it is open, the selection committee the programme manager names scores them after it closes under the
 * committee rules of the stage gate, and the programme manager records the selection. Recording it screens each
 * proposal of the call: the selected go on to their study, the others close and their proponents are told.
 */
@Service
public class Calls {

    /** The task the selection completes for each proposal of the call. */
    static final String SCREENING_TASK = "Task_ScreenProposal";

    private static final Logger log = LoggerFactory.getLogger(Calls.class);
    private static final List<Criterion> DEFAULT_CRITERIA = Arrays.stream(Criterion.values())
            .filter(criterion -> criterion != Criterion.COMMERCIALISATION).toList();
    private static final TypeReference<Map<Criterion, Integer>> SCORES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final CommitteeRules committeeRules;
    private final CaseTasks caseTasks;
    private final TaskWork tasks;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json = new ObjectMapper();

    Calls(JdbcClient jdbc, Clock clock, @Value("${jcm.portal.time-zone}") ZoneId zone, CommitteeRules committeeRules,
          CaseTasks caseTasks, TaskWork tasks, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
        this.committeeRules = committeeRules;
        this.caseTasks = caseTasks;
        this.tasks = tasks;
        this.events = events;
    }

    static boolean mayManage(CurrentUser user) {
        return user.has(Role.PROGRAM_MANAGER);
    }

    static void requireManager(CurrentUser user) {
        if (!mayManage(user)) {
            throw Problem.forbidden("Only programme managers open calls and record their selection.",
                    "callsForProgrammeManagers");
        }
    }

    /** The scores and the ranking: the programme office's, never the proponents'. */
    static void requireRankingReader(CurrentUser user) {
        if (!user.has(Role.PROGRAM_MANAGER) && !user.has(Role.ADMIN)) {
            throw Problem.forbidden("The committee's scores are for the programme office.", "scoresForProgrammeOffice");
        }
    }

    // Opening a call and naming its committee

    @Transactional
    public Call open(CallEntry entry, CurrentUser user) {
        requireManager(user);
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "title", entry.title(), 200);
        if (entry.fiscalYear() == null) {
            problems.add(FieldProblem.coded("fiscalYear", "is required", "required"));
        } else if (entry.fiscalYear() < FiscalYears.FIRST || entry.fiscalYear() > FiscalYears.lastValid(clock)) {
            problems.add(FieldProblem.coded("fiscalYear", "must be between " + FiscalYears.FIRST + " and "
                    + FiscalYears.lastValid(clock), "fiscalYearRange", String.valueOf(FiscalYears.FIRST),
                    String.valueOf(FiscalYears.lastValid(clock))));
        }
        if (entry.opensOn() == null) {
            problems.add(FieldProblem.coded("opensOn", "is required", "required"));
        }
        if (entry.closesOn() == null) {
            problems.add(FieldProblem.coded("closesOn", "is required", "required"));
        } else if (entry.opensOn() != null && entry.closesOn().isBefore(entry.opensOn())) {
            problems.add(FieldProblem.coded("closesOn", "must not be before opensOn", "notBefore", "opensOn"));
        }
        if (entry.kinds() == null || entry.kinds().isEmpty() || entry.kinds().stream().anyMatch(Objects::isNull)) {
            problems.add(FieldProblem.coded("kinds", "must name at least one kind of work the call invites",
                    "required"));
        }
        List<Criterion> criteria = entry.criteria() == null || entry.criteria().isEmpty() ? DEFAULT_CRITERIA
                : entry.criteria();
        if (criteria.stream().anyMatch(Objects::isNull)) {
            problems.add(FieldProblem.coded("criteria", "must name criteria of the programme", "choice"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into call_for_proposals (id, title, fiscal_year, opens_on, closes_on, kinds, criteria,
                            opened_by, opened_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, entry.title().strip(), entry.fiscalYear(), entry.opensOn(), entry.closesOn(),
                        join(entry.kinds().stream().distinct().sorted().map(Enum::name).toList()),
                        join(criteria.stream().distinct().sorted().map(Enum::name).toList()), user.username(), now())
                .update();
        log.info("Call {} '{}' for FY{} opened by {}: {} to {}", id, entry.title(), entry.fiscalYear(),
                user.username(), entry.opensOn(), entry.closesOn());
        return call(id);
    }

    /**
     * Names the call's selection committee: the programme's committee members, at least a quorum. A member who
     * may not score some proposal of the call (their organisation's) still sits and scores the others.
     */
    @Transactional
    public Call nameCommittee(UUID callId, List<String> members, CurrentUser user) {
        requireManager(user);
        Call call = lockedCall(callId);
        if (call.status() == Call.Status.SELECTED) {
            throw Problem.conflict("The call's selection is recorded; its committee is as it was.", "callSelected");
        }
        Map<String, DirectoryUser> pool = new HashMap<>();
        committeeRules.eligibleMembers(null).forEach(member -> pool.put(member.username(), member));
        List<FieldProblem> problems = new ArrayList<>();
        List<String> named = members == null ? List.of() : members.stream().filter(Objects::nonNull).distinct().toList();
        for (int i = 0; members != null && i < members.size(); i++) {
            if (members.get(i) == null || !pool.containsKey(members.get(i))) {
                problems.add(FieldProblem.coded("members[" + i + "]", "is not a committee member of the programme",
                        "notCommitteeMember"));
            }
        }
        if (named.size() < committeeRules.quorum()) {
            problems.add(FieldProblem.coded("members", "must name at least " + committeeRules.quorum()
                    + " members, the committee's quorum", "belowQuorum", String.valueOf(committeeRules.quorum())));
        }
        Set<String> scored = new HashSet<>(jdbc.sql("select distinct username from selection_score where call_id = ?")
                .param(callId).query(String.class).list());
        scored.removeAll(named);
        if (!scored.isEmpty()) {
            problems.add(FieldProblem.coded("members", "must keep the members who have scored: " + String.join(", ",
                    scored.stream().sorted().toList()), "membersScored", String.join(", ", scored)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("delete from selection_committee_member where call_id = :call and username not in (:named)")
                .param("call", callId).param("named", named).update();
        for (String username : named) {
            DirectoryUser member = pool.get(username);
            jdbc.sql("""
                            insert into selection_committee_member (call_id, username, display_name, organization)
                            values (?, ?, ?, ?) on conflict (call_id, username) do nothing""")
                    .params(callId, username, Objects.toString(member.displayName(), username), member.organization())
                    .update();
        }
        log.info("Selection committee of call {} named by {}: {}", callId, user.username(), named);
        return call(callId);
    }

    // Scoring

    /**
     * Records a member's scores of a proposal of the call, once the call has closed and until its selection is
     * recorded; scoring again replaces the member's scores. A member never scores a proposal of their own
     * organisation; one who has another conflict declares it and scores nothing.
     */
    @Transactional
    public void score(UUID callId, UUID caseId, ScoreEntry entry, CurrentUser user) {
        Call call = lockedCall(callId);
        boolean member = call.committee().stream().anyMatch(m -> m.username().equals(user.username()));
        if (!user.has(Role.STAGE_GATE_COMMITTEE) || !member) {
            throw Problem.forbidden("Only the members of the call's selection committee score its proposals.",
                    "selectionCommitteeOnly");
        }
        String organization = jdbc.sql("select organization from project_case where id = ? and call_id = ?")
                .params(caseId, callId).query(String.class).optional()
                .orElseThrow(() -> Problem.notFound("The call has no such proposal.", "noProposal"));
        if (!CommitteeRules.mayScore(user.organization(), organization)) {
            throw Problem.forbidden("A committee member never scores a proposal of their own organisation.",
                    "ownOrganisationProposal");
        }
        boolean conflict = Boolean.TRUE.equals(entry.conflictOfInterest());
        Map<Criterion, Integer> scores = checkedScores(call, entry, conflict);
        if (call.status() != Call.Status.CLOSED) {
            throw Problem.conflict("The committee scores a call's proposals after it has closed and before its "
                    + "selection is recorded.", "callNotScoring");
        }
        jdbc.sql("""
                        insert into selection_score (call_id, case_id, username, conflict_of_interest, scores, comment,
                            submitted_at)
                        values (?, ?, ?, ?, cast(? as jsonb), ?, ?)
                        on conflict (case_id, username) do update set conflict_of_interest = excluded.conflict_of_interest,
                            scores = excluded.scores, comment = excluded.comment, submitted_at = excluded.submitted_at""")
                .params(callId, caseId, user.username(), conflict, write(scores), entry.comment().strip(), now())
                .update();
        log.info("Proposal {} of call {} scored by {}{}", caseId, callId, user.username(),
                conflict ? " (conflict of interest declared)" : "");
    }

    private static Map<Criterion, Integer> checkedScores(Call call, ScoreEntry entry, boolean conflict) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
        Map<String, Integer> given = entry.scores() == null ? Map.of() : entry.scores();
        if (conflict && !given.isEmpty()) {
            problems.add(FieldProblem.coded("scores", "must be empty when a conflict of interest is declared",
                    "scoresWithConflict"));
        }
        if (!conflict) {
            given.forEach((name, score) -> {
                Criterion criterion = Arrays.stream(Criterion.values()).filter(c -> c.name().equals(name)).findFirst()
                        .filter(call.criteria()::contains).orElse(null);
                if (criterion == null) {
                    problems.add(FieldProblem.coded("scores." + name, "is not a criterion of the call", "notCriterion"));
                } else if (score == null || score < 1 || score > 5) {
                    problems.add(FieldProblem.coded("scores." + name, "must be a score from 1 to 5", "scoreRange"));
                } else {
                    scores.put(criterion, score);
                }
            });
            for (Criterion criterion : call.criteria()) {
                if (!given.containsKey(criterion.name())) {
                    problems.add(FieldProblem.coded("scores." + criterion.name(), "is required", "required"));
                }
            }
        }
        if (entry.comment() == null || entry.comment().isBlank()) {
            problems.add(FieldProblem.coded("comment", "is required", "required"));
        } else if (entry.comment().length() > 4000) {
            problems.add(FieldProblem.coded("comment", "must be at most 4000 characters", "maxLength", 4000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return scores;
    }

    // The ranking and the selection

    /** The call's proposals ranked by the committee's average score; those short of the quorum after them. */
    @Transactional(readOnly = true)
    public List<RankedProposal> ranking(UUID callId, CurrentUser user) {
        requireRankingReader(user);
        return ranked(findCall(callId).orElseThrow(Calls::noCall));
    }

    /** Every call's ranking, for the exports. */
    @Transactional(readOnly = true)
    public Map<Call, List<RankedProposal>> rankings(CurrentUser user) {
        requireRankingReader(user);
        Map<Call, List<RankedProposal>> rankings = new LinkedHashMap<>();
        list().forEach(call -> rankings.put(call, ranked(call)));
        return rankings;
    }

    private List<RankedProposal> ranked(Call call) {
        Map<UUID, List<RankedProposal.Score>> scores = new HashMap<>();
        jdbc.sql("""
                        select case_id, username, conflict_of_interest, scores::text, comment, submitted_at
                        from selection_score where call_id = ? order by submitted_at, username""")
                .param(call.id())
                .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), new RankedProposal.Score(rs.getString(2),
                        rs.getBoolean(3), read(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant())))
                .list().forEach(score -> scores.computeIfAbsent(score.getKey(), id -> new ArrayList<>())
                        .add(score.getValue()));
        record Row(UUID caseId, String title, String organization, String country, BigDecimal budget, Boolean selected) {
        }
        List<Row> rows = jdbc.sql("""
                        select c.id, c.title, c.organization, c.partner_country, c.budget_million_jpy, d.selected
                        from project_case c left join selection_decision d on d.case_id = c.id
                        where c.call_id = ? order by c.created_at, c.id""")
                .param(call.id())
                .query((rs, row) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5), (Boolean) rs.getObject(6)))
                .list();
        List<RankedProposal> unranked = rows.stream().map(row -> {
            List<RankedProposal.Score> given = scores.getOrDefault(row.caseId(), List.of());
            CommitteeTally tally = CommitteeTally.of(given.stream().map(score -> new Evaluation(score.member(),
                    score.conflictOfInterest(), score.scores(), score.comment(), score.submittedAt())).toList(),
                    call.criteria());
            return new RankedProposal(row.caseId(), row.title(), row.organization(), row.country(), row.budget(),
                    tally.validEvaluations(), tally.averageScore(), null, row.selected(), given);
        }).toList();
        List<RankedProposal> quorate = unranked.stream()
                .filter(p -> p.validEvaluations() >= committeeRules.quorum())
                .sorted(Comparator.comparing(RankedProposal::averageScore).reversed()).toList();
        List<RankedProposal> ranked = new ArrayList<>();
        for (int i = 0; i < quorate.size(); i++) {
            RankedProposal p = quorate.get(i);
            // equal averages share a place
            int place = i > 0 && quorate.get(i - 1).averageScore().compareTo(p.averageScore()) == 0
                    ? ranked.get(i - 1).ranking() : i + 1;
            ranked.add(new RankedProposal(p.caseId(), p.title(), p.organization(), p.partnerCountry(),
                    p.budgetMillionJpy(), p.validEvaluations(), p.averageScore(), place, p.selected(), p.scores()));
        }
        unranked.stream().filter(p -> p.validEvaluations() < committeeRules.quorum()).forEach(ranked::add);
        return ranked;
    }

    /**
     * Records the call's selection and screens each of its proposals accordingly, all or nothing. The rationale is
     * required where the selection departs from the ranking: a proposal selected while one ranked above it is
     * not, or one selected short of the quorum.
     */
    @Transactional
    public Call select(UUID callId, SelectionEntry entry, CurrentUser user) {
        requireManager(user);
        Call call = lockedCall(callId);
        if (call.status() == Call.Status.SELECTED) {
            throw Problem.conflict("The call's selection is recorded already.", "callSelected");
        }
        if (call.status() != Call.Status.CLOSED) {
            throw Problem.conflict("A call's selection is recorded after it has closed (" + call.closesOn() + ").",
                    "callStillOpen", call.closesOn());
        }
        List<RankedProposal> ranking = ranked(call);
        Map<UUID, RankedProposal> byCase = new LinkedHashMap<>();
        ranking.forEach(p -> byCase.put(p.caseId(), p));
        List<FieldProblem> problems = new ArrayList<>();
        List<UUID> selected = entry.selected() == null ? List.of() : entry.selected();
        if (entry.selected() == null) {
            problems.add(FieldProblem.coded("selected", "is required: the proposals selected, or none", "required"));
        }
        for (int i = 0; i < selected.size(); i++) {
            if (selected.get(i) == null || !byCase.containsKey(selected.get(i))) {
                problems.add(FieldProblem.coded("selected[" + i + "]", "is not a proposal of the call", "noProposal"));
            }
        }
        if (entry.rationale() != null && entry.rationale().length() > 4000) {
            problems.add(FieldProblem.coded("rationale", "must be at most 4000 characters", "maxLength", 4000));
        }
        Set<UUID> chosen = new HashSet<>(selected);
        if (departsFromRanking(ranking, chosen) && (entry.rationale() == null || entry.rationale().isBlank())) {
            problems.add(FieldProblem.coded("rationale", "is required when the selection departs from the "
                    + "committee's ranking", "rationaleOnDeparture"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String rationale = entry.rationale() == null || entry.rationale().isBlank() ? null : entry.rationale().strip();
        jdbc.sql("update call_for_proposals set selection_rationale = ?, selected_by = ?, selected_at = ? where id = ?")
                .params(rationale, user.username(), now(), callId).update();
        for (RankedProposal proposal : ranking) {
            boolean isSelected = chosen.contains(proposal.caseId());
            jdbc.sql("""
                            insert into selection_decision (case_id, call_id, ranking, average_score, selected,
                                decided_by, decided_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(proposal.caseId(), callId, proposal.ranking(), proposal.averageScore(), isSelected,
                            user.username(), now())
                    .update();
            screen(call, proposal, isSelected, rationale, user);
            events.publishEvent(new ProposalSelectionDecided(proposal.caseId(), call.title(), isSelected));
        }
        // each proposal's screening is a step of its case, which has its case's figures counted again
        events.publishEvent(ProgrammeRecordsChanged.programme());
        log.info("Selection of call {} recorded by {}: {} of {} proposals selected", callId, user.username(),
                chosen.size(), ranking.size());
        return call(callId);
    }

    static boolean departsFromRanking(List<RankedProposal> ranking, Set<UUID> chosen) {
        for (RankedProposal proposal : ranking) {
            if (!chosen.contains(proposal.caseId())) {
                continue;
            }
            if (proposal.ranking() == null) {
                return true;
            }
            boolean passedOver = ranking.stream().anyMatch(other -> other.ranking() != null
                    && other.ranking() < proposal.ranking() && !chosen.contains(other.caseId()));
            if (passedOver) {
                return true;
            }
        }
        return false;
    }

    /** The proposal's screening step, completed as the selection decided it. */
    private void screen(Call call, RankedProposal proposal, boolean selected, String rationale, CurrentUser user) {
        String taskId = caseTasks.openTasks(proposal.caseId()).stream()
                .filter(task -> task.taskKey().equals(SCREENING_TASK)).map(CaseTasks.OpenTask::id).findFirst()
                .orElseThrow(() -> Problem.conflict("Proposal '" + proposal.title()
                        + "' is no longer waiting for its screening.", "proposalScreened", proposal.title()));
        String place = proposal.ranking() == null ? "unranked" : "ranked " + proposal.ranking();
        String comments = (selected ? "Selected in the call '" : "Not selected in the call '") + call.title() + "' ("
                + place + ")." + (rationale == null ? "" : " " + rationale);
        Map<String, Object> values = new HashMap<>();
        values.put("screeningDecision", selected ? "ACCEPT" : "REJECT");
        values.put("screeningComments", comments.length() > 4000 ? comments.substring(0, 4000) : comments);
        tasks.complete(taskId, values, user);
    }

    // Reading calls

    /**
     * Every call, the latest fiscal year first: open to everyone signed in, so that proponents know where to
     * propose. Who sits on a committee and why a selection departed from the ranking are for the programme office
     * and the committee members only.
     */
    @Transactional(readOnly = true)
    public List<Call> list(CurrentUser user) {
        return list().stream().map(call -> visibleTo(call, user)).toList();
    }

    @Transactional(readOnly = true)
    public Call get(UUID callId, CurrentUser user) {
        return visibleTo(findCall(callId).orElseThrow(Calls::noCall), user);
    }

    private List<Call> list() {
        return jdbc.sql("select id from call_for_proposals order by fiscal_year desc, opens_on desc, title")
                .query(UUID.class).list().stream().map(this::call).toList();
    }

    private static Call visibleTo(Call call, CurrentUser user) {
        if (user.has(Role.PROGRAM_MANAGER) || user.has(Role.ADMIN) || user.has(Role.STAGE_GATE_COMMITTEE)) {
            return call;
        }
        return new Call(call.id(), call.title(), call.fiscalYear(), call.opensOn(), call.closesOn(), call.kinds(),
                call.criteria(), call.status(), call.openedBy(), call.openedAt(), List.of(), call.proposals(), null,
                call.selectedBy(), call.selectedAt());
    }

    /**
     * The proposals a committee member scores: those of the call not of their organisation, with their own
     * scores so far. The programme office reads the ranking instead.
     */
    @Transactional(readOnly = true)
    public List<RankedProposal> toScore(UUID callId, CurrentUser user) {
        Call call = findCall(callId).orElseThrow(Calls::noCall);
        if (call.committee().stream().noneMatch(m -> m.username().equals(user.username()))) {
            throw Problem.forbidden("Only the members of the call's selection committee score its proposals.",
                    "selectionCommitteeOnly");
        }
        return ranked(call).stream().filter(p -> CommitteeRules.mayScore(user.organization(), p.organization()))
                .map(p -> new RankedProposal(p.caseId(), p.title(), p.organization(), p.partnerCountry(),
                        p.budgetMillionJpy(), 0, null, null, null, p.scores().stream()
                        .filter(score -> score.member().equals(user.username())).toList()))
                .toList();
    }

    private Optional<Call> findCall(UUID callId) {
        if (callId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select count(*) from call_for_proposals where id = ?").param(callId).query(Long.class)
                .single() == 0 ? Optional.empty() : Optional.of(call(callId));
    }

    private Call lockedCall(UUID callId) {
        jdbc.sql("select id from call_for_proposals where id = ? for update").param(callId).query(UUID.class)
                .optional().orElseThrow(Calls::noCall);
        return call(callId);
    }

    private Call call(UUID id) {
        List<Call.Member> committee = jdbc.sql("""
                        select username, display_name, organization from selection_committee_member
                        where call_id = ? order by username""")
                .param(id)
                .query((rs, row) -> new Call.Member(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return jdbc.sql("""
                        select k.title, k.fiscal_year, k.opens_on, k.closes_on, k.kinds, k.criteria, k.opened_by,
                               k.opened_at, (select count(*) from project_case c where c.call_id = k.id),
                               k.selection_rationale, k.selected_by, k.selected_at
                        from call_for_proposals k where k.id = ?""")
                .param(id)
                .query((rs, row) -> {
                    LocalDate opensOn = rs.getObject(3, LocalDate.class);
                    LocalDate closesOn = rs.getObject(4, LocalDate.class);
                    Timestamp selectedAt = rs.getTimestamp(12);
                    Call.Status status = selectedAt != null ? Call.Status.SELECTED
                            : today.isBefore(opensOn) ? Call.Status.UPCOMING
                            : today.isAfter(closesOn) ? Call.Status.CLOSED : Call.Status.OPEN;
                    return new Call(id, rs.getString(1), rs.getInt(2), opensOn, closesOn,
                            split(rs.getString(5)).stream().map(ContractKind::valueOf).toList(),
                            split(rs.getString(6)).stream().map(Criterion::valueOf).toList(), status,
                            rs.getString(7), rs.getTimestamp(8).toInstant(), committee, rs.getInt(9),
                            rs.getString(10), rs.getString(11), selectedAt == null ? null : selectedAt.toInstant());
                })
                .single();
    }

    private static void text(List<FieldProblem> problems, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.coded(field, "is required", "required"));
        } else if (value.length() > maxLength) {
            problems.add(FieldProblem.coded(field, "must be at most " + maxLength + " characters", "maxLength",
                    maxLength));
        }
    }

    private static String join(List<String> names) {
        return String.join(",", names);
    }

    private static List<String> split(String names) {
        return names == null || names.isBlank() ? List.of() : List.of(names.split(","));
    }

    private String write(Map<Criterion, Integer> scores) {
        try {
            return json.writeValueAsString(scores);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Criterion, Integer> read(String scores) {
        try {
            return json.readValue(scores, SCORES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable scores in selection_score: " + scores, e);
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Problem noCall() {
        return Problem.notFound("There is no such call for proposals.", "noCall");
    }
}
