package org.jcmflow.contracts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.jcmflow.casefile.FiscalYears;
import org.jcmflow.casefile.ProgrammeRecordsChanged;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.lifecycle.StepDeadlines;
import org.jcmflow.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's commissioning contracts (委託契約), their changes and the spending under them: what the
 * programme's execution is counted from. Programme managers write; the programme office reads all of them, a
 * proponent those of their own organisation.
 */
@Service
public class Contracts {

    private static final Logger log = LoggerFactory.getLogger(Contracts.class);
    /** The first day of the programme's first fiscal year: no contract of the programme is signed before it. */
    private static final LocalDate PROGRAMME_START = LocalDate.of(FiscalYears.FIRST, 4, 1);

    /** A contract's ({@code k}) end as it stands: the latest change of its period, else its end as signed. */
    static final String CURRENT_END = """
            coalesce((select ch.ends_on from contract_change ch where ch.contract_id = k.id
                      and ch.ends_on is not null order by ch.changed_on desc, ch.id desc limit 1), k.ends_on)""";

    /** A contract's standing as the checks of a change or of spending need it. */
    record Standing(UUID id, String contractNumber, LocalDate signedOn, LocalDate startsOn, LocalDate currentEndsOn,
                    BigDecimal currentAmount) {

        int firstFiscalYear() {
            return FiscalYears.of(startsOn);
        }

        int lastFiscalYear() {
            return FiscalYears.of(currentEndsOn);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final StepDeadlines deadlines;
    private final ReportDeadlines reportDeadlines;

    Contracts(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, StepDeadlines deadlines,
              ReportDeadlines reportDeadlines) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.deadlines = deadlines;
        this.reportDeadlines = reportDeadlines;
    }

    public static boolean mayWrite(CurrentUser user) {
        return user.has(Role.PROGRAM_MANAGER);
    }

    static boolean readsAll(CurrentUser user) {
        return user.has(Role.PROGRAM_MANAGER) || user.has(Role.ADMIN);
    }

    static void requireReader(CurrentUser user) {
        if (!readsAll(user) && !user.has(Role.PROPONENT)) {
            throw Problem.forbidden("Contracts are for the programme office and the contractors' own staff.",
                    "contractsForProgrammeOffice");
        }
    }

    static void requireWriter(CurrentUser user) {
        if (!mayWrite(user)) {
            throw Problem.forbidden("Only programme managers record contracts and spending.",
                    "contractsForProgrammeManagers");
        }
    }

    /** Records a contract as signed, for work of a case that the programme selected for it. */
    @Transactional
    public Contract sign(ContractEntry entry, CurrentUser user) {
        requireWriter(user);
        Checks checks = new Checks();
        checks.contractNumber("contractNumber", entry.contractNumber());
        checks.required("kind", entry.kind());
        boolean caseKnown = checks.required("caseId", entry.caseId()) && jdbc.sql(
                "select count(*) from project_case where id = ?").param(entry.caseId()).query(Long.class).single() > 0;
        if (entry.caseId() != null && !caseKnown) {
            checks.add("caseId", "is not a case of the programme", "noCase");
        }
        if (checks.required("signedOn", entry.signedOn())) {
            checks.notBefore("signedOn", entry.signedOn(), "the programme's start (" + PROGRAMME_START + ")",
                    PROGRAMME_START);
            if (entry.signedOn().isAfter(LocalDate.now(clock))) {
                checks.add("signedOn", "must not be in the future", "notInFuture");
            }
        }
        checks.required("startsOn", entry.startsOn());
        checks.notBefore("startsOn", entry.startsOn(), "signedOn", entry.signedOn());
        checks.required("endsOn", entry.endsOn());
        checks.notBefore("endsOn", entry.endsOn(), "startsOn", entry.startsOn());
        checks.positiveAmount("amountMillionJpy", entry.amountMillionJpy(), true);
        checks.throwIfAny();
        if (!selected(entry.caseId(), entry.kind())) {
            throw Problem.conflict("The case was not selected for a " + entry.kind() + " contract: "
                    + entry.kind().selectingStep() + " has not decided " + entry.kind().selectingDecision() + ".",
                    "notSelectedForContract");
        }
        if (findId(entry.contractNumber()).isPresent()) {
            throw Problem.conflict("Contract " + entry.contractNumber() + " is already recorded.",
                    "contractNumberTaken", entry.contractNumber());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into commissioning_contract (id, contract_number, case_id, kind, signed_on, starts_on,
                            ends_on, amount_million_jpy, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, entry.contractNumber(), entry.caseId(), entry.kind().name(), entry.signedOn(),
                        entry.startsOn(), entry.endsOn(), entry.amountMillionJpy(), user.username(), now())
                .update();
        events.publishEvent(ProgrammeRecordsChanged.ofCase(entry.caseId()));
        log.info("Contract {} ({}) for case {} recorded by {}: {} to {}, {} million JPY", entry.contractNumber(),
                entry.kind(), entry.caseId(), user.username(), entry.startsOn(), entry.endsOn(),
                entry.amountMillionJpy());
        return reportDueAtTheEnd(contract(id));
    }

    /** Records a change of period or amount; the contract as signed stays as it was. */
    @Transactional
    Contract change(UUID contractId, ChangeEntry entry, CurrentUser user) {
        requireWriter(user);
        Standing contract = standing(contractId, true).orElseThrow(Contracts::noContract);
        Checks checks = new Checks();
        if (checks.required("changedOn", entry.changedOn())) {
            checks.notBefore("changedOn", entry.changedOn(), "the contract's signing (" + contract.signedOn() + ")",
                    contract.signedOn());
            if (entry.changedOn().isAfter(LocalDate.now(clock))) {
                checks.add("changedOn", "must not be in the future", "notInFuture");
            }
        }
        if (entry.endsOn() == null && entry.amountMillionJpy() == null) {
            checks.add("endsOn", "or amountMillionJpy is required: a change changes the period, the amount or both",
                    "changeNothing");
        }
        checks.notBefore("endsOn", entry.endsOn(), "the contract's start (" + contract.startsOn() + ")",
                contract.startsOn());
        checks.positiveAmount("amountMillionJpy", entry.amountMillionJpy(), false);
        checks.text("reason", entry.reason(), 1000);
        BigDecimal executed = executed(contractId, Map.of());
        if (entry.amountMillionJpy() != null && entry.amountMillionJpy().compareTo(executed) < 0) {
            checks.add("amountMillionJpy", "must not be below what was executed under the contract (" + executed + ")",
                    "amountBelowExecuted", executed);
        }
        if (entry.endsOn() != null) {
            Integer lastSpent = jdbc.sql("select max(fiscal_year) from contract_spending where contract_id = ?")
                    .param(contractId).query(Integer.class).optional().orElse(null);
            if (lastSpent != null && FiscalYears.of(entry.endsOn()) < lastSpent) {
                checks.add("endsOn", "must not end before FY" + lastSpent + ", in which spending is recorded",
                        "endBeforeSpending", lastSpent);
            }
        }
        checks.throwIfAny();
        jdbc.sql("""
                        insert into contract_change (contract_id, changed_on, ends_on, amount_million_jpy, reason,
                            recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(contractId, entry.changedOn(), entry.endsOn(), entry.amountMillionJpy(), entry.reason().strip(),
                        user.username(), now())
                .update();
        events.publishEvent(ProgrammeRecordsChanged.ofCase(contract(contractId).caseId()));
        log.info("Contract {} changed by {} on {}: ends {}, amount {}", contract.contractNumber(), user.username(),
                entry.changedOn(), entry.endsOn(), entry.amountMillionJpy());
        return entry.endsOn() == null ? contract(contractId) : reportDueAtTheEnd(contract(contractId));
    }

    /**
     * The commissioned work is reported by the contract's end: the case's open report step is due at the end of
     * its last day, in the programme office's time zone, and its reminder and escalation move with it. A report
     * step that opens later takes the same due date when it opens ({@link ReportDeadlines}).
     */
    private Contract reportDueAtTheEnd(Contract contract) {
        Instant due = reportDeadlines.endOf(contract.currentEndsOn());
        int moved = deadlines.move(contract.caseId(), contract.kind().reportStep(), due);
        if (moved > 0) {
            log.info("Report {} of case {} due at the end of contract {}: {}", contract.kind().reportStep(),
                    contract.caseId(), contract.contractNumber(), due);
        }
        return contract;
    }

    /** Records what the accounts settled under a contract in a fiscal year; recording it again replaces it. */
    @Transactional
    public void recordSpending(UUID contractId, int fiscalYear, SpendingEntry entry, CurrentUser user) {
        requireWriter(user);
        Standing contract = standing(contractId, true).orElseThrow(Contracts::noContract);
        Checks checks = new Checks();
        checkSpending(checks, contract, fiscalYear, entry, executed(contractId, Map.of(fiscalYear, entry)));
        checks.throwIfAny();
        write(contract, fiscalYear, entry, user);
        events.publishEvent(ProgrammeRecordsChanged.budget());
    }

    /**
     * Records the rows of an accounts file, all or none: every row is checked first, against the contracts and
     * against the file's other rows, and each bad one is named by its line and field.
     */
    @Transactional
    int importSpending(SpendingImport.Parsed file, CurrentUser user) {
        requireWriter(user);
        List<SpendingImport.Row> rows = file.rows();
        Checks all = new Checks("", new ArrayList<>(file.problems()));
        Map<String, Standing> contracts = new HashMap<>();
        Map<UUID, Map<Integer, SpendingEntry>> byContract = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Standing> rowContracts = new ArrayList<>();
        for (SpendingImport.Row row : rows) {
            Checks checks = new Checks("rows[" + row.line() + "].", all.problems());
            Standing contract = row.contractNumber() == null ? null : contracts.computeIfAbsent(row.contractNumber(),
                    number -> findId(number).flatMap(id -> standing(id, true)).orElse(null));
            rowContracts.add(contract);
            if (contract == null) {
                if (checks.required("contractNumber", row.contractNumber())) {
                    checks.add("contractNumber", "is not a recorded contract", "noContract");
                }
                continue;
            }
            if (row.fiscalYear() == null) {
                String field = "rows[" + row.line() + "].fiscalYear";
                if (all.problems().stream().noneMatch(problem -> problem.field().equals(field))) {
                    checks.required("fiscalYear", null);
                }
                continue;
            }
            Integer earlier = seen.putIfAbsent(row.contractNumber() + "/" + row.fiscalYear(), row.line());
            if (earlier != null) {
                checks.add("fiscalYear", "repeats line " + earlier + " for the same contract and fiscal year",
                        "repeatedRow", earlier);
                continue;
            }
            byContract.computeIfAbsent(contract.id(), id -> new HashMap<>()).put(row.fiscalYear(), row.entry());
        }
        for (int i = 0; i < rows.size(); i++) {
            SpendingImport.Row row = rows.get(i);
            Standing contract = rowContracts.get(i);
            if (contract != null && row.fiscalYear() != null) {
                checkSpending(new Checks("rows[" + row.line() + "].", all.problems()), contract, row.fiscalYear(),
                        row.entry(), executed(contract.id(), byContract.get(contract.id())));
            }
        }
        if (rows.isEmpty() && all.problems().isEmpty()) {
            all.add("file", "holds no rows of spending", "noRows");
        }
        all.throwIfAny();
        for (int i = 0; i < rows.size(); i++) {
            write(rowContracts.get(i), rows.get(i).fiscalYear(), rows.get(i).entry(), user);
        }
        events.publishEvent(ProgrammeRecordsChanged.budget());
        log.info("Spending imported by {}: {} rows", user.username(), rows.size());
        return rows.size();
    }

    private void checkSpending(Checks checks, Standing contract, Integer fiscalYear, SpendingEntry entry,
                               BigDecimal executedWithEntry) {
        if (fiscalYear == null) {
            checks.required("fiscalYear", null);
        } else if (fiscalYear < contract.firstFiscalYear() || fiscalYear > contract.lastFiscalYear()) {
            checks.add("fiscalYear", "must lie in the contract's period, FY" + contract.firstFiscalYear() + " to FY"
                    + contract.lastFiscalYear(), "fiscalYearRange", contract.firstFiscalYear(), contract.lastFiscalYear());
        } else if (fiscalYear > FiscalYears.current(clock)) {
            checks.add("fiscalYear", "must not be after the current fiscal year: spending is recorded as settled",
                    "futureFiscalYear");
        }
        checks.required("executedMillionJpy", entry.executedMillionJpy());
        checks.amount("executedMillionJpy", entry.executedMillionJpy());
        checks.amount("carriedOverMillionJpy", entry.carriedOverMillionJpy());
        checks.amount("returnedMillionJpy", entry.returnedMillionJpy());
        if (executedWithEntry.compareTo(contract.currentAmount()) > 0) {
            checks.add("executedMillionJpy", "brings the execution under contract " + contract.contractNumber() + " to "
                    + executedWithEntry.toPlainString() + ", above its amount of "
                    + contract.currentAmount().toPlainString(), "executedAboveAmount", executedWithEntry,
                    contract.currentAmount());
        }
    }

    private void write(Standing contract, int fiscalYear, SpendingEntry entry, CurrentUser user) {
        jdbc.sql("""
                        insert into contract_spending (contract_id, fiscal_year, executed_million_jpy,
                            carried_over_million_jpy, returned_million_jpy, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (contract_id, fiscal_year) do update set
                            executed_million_jpy = excluded.executed_million_jpy,
                            carried_over_million_jpy = excluded.carried_over_million_jpy,
                            returned_million_jpy = excluded.returned_million_jpy,
                            recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
                .params(contract.id(), fiscalYear, entry.executedMillionJpy(), entry.carriedOverOrNone(),
                        entry.returnedOrNone(), user.username(), now())
                .update();
        log.info("Spending under contract {} in FY{} recorded by {}: {} executed, {} carried over, {} returned",
                contract.contractNumber(), fiscalYear, user.username(), entry.executedMillionJpy(),
                entry.carriedOverOrNone(), entry.returnedOrNone());
    }

    /** What was executed under the contract, with the given years' entries in place of what is recorded for them. */
    private BigDecimal executed(UUID contractId, Map<Integer, SpendingEntry> replacing) {
        BigDecimal recorded = jdbc.sql("""
                        select coalesce(sum(executed_million_jpy), 0) from contract_spending
                        where contract_id = :id and fiscal_year not in (:years)""")
                .param("id", contractId)
                // never empty: "in ()" is no SQL; no fiscal year is 0
                .param("years", Stream.concat(replacing.keySet().stream(), Stream.of(0))
                        .toList())
                .query(BigDecimal.class).single();
        return replacing.values().stream().map(SpendingEntry::executedMillionJpy).filter(amount -> amount != null)
                .reduce(recorded, BigDecimal::add);
    }

    private boolean selected(UUID caseId, ContractKind kind) {
        return jdbc.sql("""
                        select count(*) from case_history h where h.case_id = ?
                         and (h.step_key = ? and h.details ->> ? = ? or h.step_key = ?)""")
                .params(caseId, kind.selectingStep(), kind.decisionField(), kind.selectingDecision(),
                        kind.selectingWithoutDecision())
                .query(Long.class).single() > 0;
    }

    Optional<UUID> findId(String contractNumber) {
        return jdbc.sql("select id from commissioning_contract where contract_number = ?").param(contractNumber)
                .query(UUID.class).optional();
    }

    /** The contract as it stands; locked for the change being made, so that two changes do not cross. */
    private Optional<Standing> standing(UUID contractId, boolean forUpdate) {
        return jdbc.sql("select k.id, k.contract_number, k.signed_on, k.starts_on, " + CURRENT_END + ", " + """
                        coalesce((select ch.amount_million_jpy from contract_change ch where ch.contract_id = k.id
                                  and ch.amount_million_jpy is not null order by ch.changed_on desc, ch.id desc
                                  limit 1), k.amount_million_jpy)
                        from commissioning_contract k where k.id = ?""" + (forUpdate ? " for update" : ""))
                .param(contractId)
                .query((rs, row) -> new Standing(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getBigDecimal(6)))
                .optional();
    }

    /** The contracts the user may read, of one case or of all, newest first. */
    @Transactional(readOnly = true)
    public List<Contract> list(UUID caseId, CurrentUser user) {
        requireReader(user);
        Map<String, Object> params = new HashMap<>();
        params.put("caseId", caseId);
        params.put("organization", readsAll(user) ? null : user.organization() == null ? "" : user.organization());
        List<UUID> ids = jdbc.sql("""
                        select k.id from commissioning_contract k join project_case c on c.id = k.case_id
                        where (cast(:caseId as uuid) is null or k.case_id = :caseId)
                         and (cast(:organization as varchar) is null or c.organization = :organization)
                        order by k.signed_on desc, k.contract_number""")
                .params(params).query(UUID.class).list();
        return ids.stream().map(this::contract).toList();
    }

    @Transactional(readOnly = true)
    Contract get(UUID contractId, CurrentUser user) {
        requireReader(user);
        Contract contract = jdbc.sql("select count(*) from commissioning_contract where id = ?").param(contractId)
                .query(Long.class).single() == 0 ? null : contract(contractId);
        if (contract == null || !readsAll(user) && !contract.organization().equals(user.organization())) {
            throw noContract();
        }
        return contract;
    }

    private Contract contract(UUID id) {
        Standing standing = standing(id, false).orElseThrow(Contracts::noContract);
        List<Contract.Change> changes = jdbc.sql("""
                        select changed_on, ends_on, amount_million_jpy, reason, recorded_by, recorded_at
                        from contract_change where contract_id = ? order by changed_on, id""")
                .param(id)
                .query((rs, row) -> new Contract.Change(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
        List<Contract.Spending> spending = jdbc.sql("""
                        select fiscal_year, executed_million_jpy, carried_over_million_jpy, returned_million_jpy,
                               recorded_by, recorded_at
                        from contract_spending where contract_id = ? order by fiscal_year""")
                .param(id)
                .query((rs, row) -> new Contract.Spending(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
        BigDecimal executed = spending.stream().map(Contract.Spending::executedMillionJpy)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return jdbc.sql("""
                        select k.contract_number, k.case_id, c.title, c.organization, k.kind, k.signed_on, k.starts_on,
                               k.ends_on, k.amount_million_jpy
                        from commissioning_contract k join project_case c on c.id = k.case_id where k.id = ?""")
                .param(id)
                .query((rs, row) -> new Contract(id, rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), ContractKind.valueOf(rs.getString(5)), date(rs, 6), date(rs, 7), date(rs, 8),
                        rs.getBigDecimal(9), standing.currentEndsOn(), standing.currentAmount(), changes, spending,
                        executed))
                .single();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Problem noContract() {
        return Problem.notFound("There is no such contract, or it is not open to you.", "noContract");
    }
}
