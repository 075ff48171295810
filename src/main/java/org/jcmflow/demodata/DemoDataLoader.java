package org.jcmflow.demodata;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jcmflow.calls.CallEntry;
import org.jcmflow.calls.Calls;
import org.jcmflow.calls.ScoreEntry;
import org.jcmflow.calls.SelectionEntry;
import org.jcmflow.casefile.CaseDocuments;
import org.jcmflow.casefile.NewCase;
import org.jcmflow.contracts.ContractKind;
import org.jcmflow.stagegate.Criterion;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.CaseTasks;
import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.contracts.ContractEntry;
import org.jcmflow.contracts.Contracts;
import org.jcmflow.contracts.SpendingEntry;
import org.jcmflow.dashboard.ProgrammeBudget;
import org.jcmflow.programme.ForecastEntry;
import org.jcmflow.programme.Forecasts;
import org.jcmflow.programme.Evaluations;
import org.jcmflow.programme.PolicyWorkLog;
import org.jcmflow.programme.Targets;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.RealmUsers;
import org.jcmflow.engine.EngineClock;
import org.jcmflow.mrv.PublicInputTimers;
import org.jcmflow.mrv.ThirdPartyEntities;
import org.jcmflow.mrv.TpeEntry;
import org.jcmflow.notification.Notifications;
import org.jcmflow.tasks.TaskWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the programme's history as the demonstration data set, through the services the API uses: each case is
 * opened by its proponent and every step is a task of its process completed by the demo user of the step's role,
 * with the clock of the engine and the case record set to the step's day. The steps of all cases run in the order
 * of their days. The whole load is one transaction that first marks the data set as loaded: it happens once, or
 * not at all, however often and on however many nodes it is started. Nobody is mailed of the tasks the steps make:
 * they happened years ago, and the open tasks wait in their people's inboxes (the timers of those past due remind
 * and escalate, as for any task).
 */
@Component
class DemoDataLoader {

    static final String DATA_SET = "programme-ledger-2017";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final ZoneId PROGRAMME_OFFICE = ZoneId.of("Asia/Tokyo");
    private static final LocalDate TPE_DESIGNATED = LocalDate.of(2012, 12, 1);

    record Result(boolean loaded, int cases, Duration took) {
    }

    private final CaseFileService cases;
    private final CaseDocuments documents;
    private final CaseTasks caseTasks;
    private final TaskWork tasks;
    private final ProgrammeBudget budget;
    private final Contracts contracts;
    private final Forecasts forecasts;
    private final Calls calls;
    private final Targets targets;
    private final Evaluations evaluations;
    private final PolicyWorkLog policyWork;
    private final PartnerCountries partnerCountries;
    private final RealmUsers realmUsers;
    private final EngineClock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ThirdPartyEntities tpes;
    private final PublicInputTimers publicInputTimers;
    private final Notifications notifications;
    private final Map<String, CurrentUser> users = new HashMap<>();
    private long tpeId;

    DemoDataLoader(CaseFileService cases, CaseDocuments documents, CaseTasks caseTasks, TaskWork tasks,
                   ProgrammeBudget budget, Contracts contracts, Forecasts forecasts, Calls calls,
                   Targets targets, Evaluations evaluations, PolicyWorkLog policyWork,
                   PartnerCountries partnerCountries, RealmUsers realmUsers, EngineClock clock,
                   JdbcClient jdbc, TransactionTemplate transaction, ThirdPartyEntities tpes,
                   PublicInputTimers publicInputTimers, Notifications notifications) {
        this.tpes = tpes;
        this.notifications = notifications;
        this.publicInputTimers = publicInputTimers;
        this.cases = cases;
        this.documents = documents;
        this.caseTasks = caseTasks;
        this.tasks = tasks;
        this.budget = budget;
        this.contracts = contracts;
        this.forecasts = forecasts;
        this.calls = calls;
        this.targets = targets;
        this.evaluations = evaluations;
        this.policyWork = policyWork;
        this.partnerCountries = partnerCountries;
        this.realmUsers = realmUsers;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    Result load() {
        long started = System.nanoTime();
        return notifications.withheldDuring(() -> transaction.execute(status -> {
            boolean marked = jdbc.sql("""
                            insert into demo_data_load (data_set, loaded_at, cases) values (?, ?, 0)
                            on conflict (data_set) do nothing""")
                    .params(DATA_SET, Timestamp.from(clock.instant())).update() > 0;
            if (!marked) {
                int loadedBefore = jdbc.sql("select cases from demo_data_load where data_set = ?").param(DATA_SET)
                        .query(Integer.class).single();
                log.info("Demonstration data set '{}' is already loaded ({} cases); nothing added", DATA_SET,
                        loadedBefore);
                return new Result(false, loadedBefore, Duration.ofNanos(System.nanoTime() - started));
            }
            ProgrammeHistory history = new ProgrammeHistory(partnerCountries.names(Locale.ENGLISH));
            try {
                replay(history);
            } finally {
                clock.resume();
            }
            int loaded = history.cases().size();
            jdbc.sql("update demo_data_load set cases = ? where data_set = ?").params(loaded, DATA_SET).update();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.info("Demonstration data set '{}' loaded: {} cases in {} ms", DATA_SET, loaded, took.toMillis());
            return new Result(true, loaded, took);
        }));
    }

    /**
     * One thing done at one moment: a budget entered, a call opened, its proposals scored or selected, a case
     * opened or one of its steps completed, a contract signed or its spending in a fiscal year recorded.
     */
    private record Event(Instant at, int order, Runnable action) {
    }

    private void replay(ProgrammeHistory history) {
        List<Event> events = new ArrayList<>();
        // the TPE the Joint Committee designated when the first partner countries joined, for all of them
        events.add(new Event(moment(TPE_DESIGNATED, LocalTime.of(9, 0)), events.size(), () -> tpeId = tpes.designate(
                new TpeEntry(CasePlan.TPE, partnerCountries.inSigningOrder().stream()
                        .map(PartnerCountries.PartnerCountry::isoCode).toList(),
                        IntStream.rangeClosed(1, 15).boxed().toList(), TPE_DESIGNATED, null),
                user(CasePlan.PROGRAMME_MANAGER)).id()));
        for (ProgrammeHistory.BudgetEntry entry : history.budgetEntries()) {
            events.add(new Event(moment(entry.entered(), LocalTime.of(9, 0)), events.size(),
                    () -> budget.enter(entry.fiscalYear(), entry.budgetMillionJpy(), entry.returnedMillionJpy(),
                            user(CasePlan.PROGRAMME_MANAGER))));
        }
        for (ProgrammeHistory.TargetPlan target : ProgrammeHistory.TARGETS) {
            events.add(new Event(moment(target.revisedOn(), LocalTime.of(12, 0)), events.size(),
                    () -> targets.revise(new Targets.Entry(target.indicator(), target.value(),
                            target.deadlineFiscalYear(), target.revisedOn(), target.reason()),
                            user(CasePlan.PROGRAMME_MANAGER))));
        }
        events.add(new Event(moment(ProgrammeHistory.EVALUATED_ON, LocalTime.of(17, 0)), events.size(),
                () -> evaluations.record(new Evaluations.Entry(Evaluations.Kind.EARLY_EX_POST,
                        ProgrammeHistory.EVALUATED_ON, ProgrammeHistory.EVALUATION_RESULT),
                        user(CasePlan.PROGRAMME_MANAGER))));
        Map<ProgrammeHistory.CallPlan, UUID> callIds = new IdentityHashMap<>();
        Map<CasePlan, UUID> caseIds = new IdentityHashMap<>();
        for (ProgrammeHistory.CallPlan call : history.calls()) {
            events.add(new Event(moment(call.opensOn(), LocalTime.of(8, 0)), events.size(), () -> {
                UUID id = calls.open(new CallEntry(call.title(), call.fiscalYear(), call.opensOn(), call.closesOn(),
                        List.of(ContractKind.values()), null), user(CasePlan.PROGRAMME_MANAGER)).id();
                callIds.put(call, id);
                calls.nameCommittee(id, CasePlan.COMMITTEE, user(CasePlan.PROGRAMME_MANAGER));
            }));
            if (call.selectedOn() == null) {
                continue;
            }
            events.add(new Event(moment(call.scoredOn(), LocalTime.of(9, 0)), events.size(), () -> {
                for (CasePlan plan : call.proposals()) {
                    for (String member : CasePlan.COMMITTEE) {
                        calls.score(callIds.get(call), caseIds.get(plan), scores(Boolean.TRUE.equals(plan.selected())),
                                user(member));
                    }
                }
            }));
            events.add(new Event(moment(call.selectedOn(), LocalTime.of(9, 0)), events.size(),
                    () -> calls.select(callIds.get(call), new SelectionEntry(call.proposals().stream()
                            .filter(plan -> Boolean.TRUE.equals(plan.selected())).map(caseIds::get).toList(), null),
                            user(CasePlan.PROGRAMME_MANAGER))));
        }
        List<CasePlan> plans = history.cases();
        for (int number = 0; number < plans.size(); number++) {
            CasePlan plan = plans.get(number);
            // a minute per case, so that the steps of one day keep an order
            LocalTime time = LocalTime.of(10, 0).plusMinutes(number);
            events.add(new Event(moment(plan.opened(), time), events.size(),
                    () -> caseIds.put(plan, cases.open(underCall(plan.proposal(), callIds.get(plan.call())),
                            user(plan.proponent())).id())));
            for (CasePlan.Step step : plan.steps()) {
                events.add(new Event(moment(step.day(), time), events.size(),
                        () -> complete(caseIds.get(plan), step)));
            }
        }
        for (ProgrammeHistory.PolicyWorkPlan work : ProgrammeHistory.POLICY_WORK) {
            CasePlan plan = work.technology() == null ? null : plans.stream()
                    .filter(p -> p.proposal().technology().equals(work.technology())).findFirst().orElseThrow();
            events.add(new Event(moment(work.heldOn(), LocalTime.of(15, 0)), events.size(),
                    () -> policyWork.record(new PolicyWorkLog.Entry(work.country(), plan == null ? null
                            : caseIds.get(plan), work.heldOn(), work.kind(), work.counterpart(), work.participants(),
                            work.outcome(), work.documents()), user(CasePlan.PROGRAMME_MANAGER))));
        }
        Map<ProgrammeHistory.ContractPlan, UUID> contractIds = new IdentityHashMap<>();
        for (ProgrammeHistory.ContractPlan contract : history.contracts()) {
            events.add(new Event(moment(contract.signedOn, LocalTime.of(9, 30)), events.size(),
                    () -> contractIds.put(contract, contracts.sign(new ContractEntry(contract.number,
                            caseIds.get(contract.plan), contract.kind, contract.signedOn, contract.signedOn,
                            contract.endsOn, contract.amount), user(CasePlan.PROGRAMME_MANAGER)).id())));
            contract.spending.forEach((fiscalYear, executed) -> events.add(new Event(
                    moment(ProgrammeHistory.ContractPlan.settledOn(fiscalYear), LocalTime.of(9, 0)), events.size(),
                    () -> contracts.recordSpending(contractIds.get(contract), fiscalYear,
                            new SpendingEntry(executed, null, null), user(CasePlan.PROGRAMME_MANAGER)))));
        }
        for (ProgrammeHistory.ForecastPlan forecast : history.forecasts()) {
            events.add(new Event(moment(forecast.on(), LocalTime.of(9, 45)), events.size(),
                    () -> forecasts.record(caseIds.get(forecast.plan()), new ForecastEntry(forecast.atEndTco2PerYear(),
                            forecast.fiveYearsAfterTco2(), forecast.on(),
                            "Survey results and dissemination plan judged at the stage gate"),
                            user(CasePlan.PROGRAMME_MANAGER))));
        }
        events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::order));
        for (Event event : events) {
            clock.stopAt(event.at());
            event.action().run();
        }
    }

    private static NewCase underCall(NewCase proposal, UUID callId) {
        return new NewCase(proposal.title(), proposal.partnerCountry(), proposal.technology(),
                proposal.estimatedReductionTco2PerYear(), proposal.budgetMillionJpy(), proposal.fiscalYear(), callId);
    }

    /** Every criterion scored alike: well for a proposal the programme selected, poorly for one it did not. */
    private static ScoreEntry scores(boolean selected) {
        Map<String, Integer> scores = new HashMap<>();
        for (Criterion criterion : Criterion.values()) {
            if (criterion != Criterion.COMMERCIALISATION) {
                scores.put(criterion.name(), selected ? 4 : 2);
            }
        }
        return new ScoreEntry(false, scores, selected ? "Fits the call; the partner ministry supports a study."
                : "Outside the programme's scope for this call.");
    }

    private void complete(UUID caseId, CasePlan.Step step) {
        // periods of public inputs that ended by the step's day have closed, as their timers would have closed them
        publicInputTimers.fireDue(caseId);
        String taskId = caseTasks.openTasks(caseId).stream()
                .filter(task -> task.taskKey().equals(step.taskKey()))
                // a committee member's evaluation is given to them by name
                .filter(task -> task.assignee() == null || task.assignee().equals(step.actor()))
                .map(CaseTasks.OpenTask::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no open task " + step.taskKey()
                        + " on " + step.day()));
        Map<String, Object> values = new HashMap<>(step.values());
        values.replaceAll((field, value) -> CasePlan.TPE.equals(value) ? String.valueOf(tpeId) : value);
        if (step.upload() != null) {
            UUID report = documents.add(caseId, step.upload().fileName(),
                    DemoReport.pdf(step.upload().fileName()), user(step.actor())).id();
            values = new HashMap<>(values);
            values.put(step.upload().field(), report.toString());
        }
        tasks.complete(taskId, values, user(step.actor()));
    }

    private CurrentUser user(String username) {
        return users.computeIfAbsent(username, realmUsers::user);
    }

    private static Instant moment(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(PROGRAMME_OFFICE).toInstant();
    }
}
