package org.jcmflow.demodata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.jcmflow.casefile.FiscalYears;
import org.jcmflow.casefile.NewCase;
import org.jcmflow.contracts.ContractKind;
import org.jcmflow.programme.PolicyWorkLog;
import org.jcmflow.programme.Targets;

/**
 * The programme as its ledger of June 2017 (事業原簿) describes it, as case plans and budget entries.
 *
 * <p>From the ledger: feasibility studies from FY2011 whose reviews sent 23 studies on to a NEDO demonstration, an
 * MRV application survey or a follow-on study, 35 (37%) on to a JCM project counting the Ministry of the
 * Environment's subsidy and 57 (60%) on to any next stage, out of 95; 8 demonstrations running, expected to reduce
 * 27,406 t-CO2 a year at their end; the budget of 19,010 million JPY up to FY2015 (2,500 of it returned after the
 * 2011 earthquake) with 6,252 executed, 2,400 and 2,635 in FY2016, and 1,900 planned for FY2017. The ledger gives no
 * split by fiscal year up to FY2015, so the split here is made up, and so are the countries, titles and the
 * progress of each case; the totals are the ledger's. The demonstrations decided in FY2013 went ahead without a
 * stage gate, which the programme introduced in FY2014; those of later years passed it.
 */
final class ProgrammeHistory {

    /** The ledger's date: no step of the data set happens after it. */
    static final LocalDate LEDGER_DATE = LocalDate.of(2017, 6, 30);
    /** The last fiscal year whose spending the ledger states; FY2017's budget is a plan. */
    private static final int LAST_SETTLED = 2016;

    record BudgetEntry(int fiscalYear, LocalDate entered, BigDecimal budgetMillionJpy, BigDecimal returnedMillionJpy) {
    }

    /**
     * The reductions forecast for a demonstration at its selection, recorded the day after the stage gate's
     * decision: the ledger's 27,406 t-CO2/year at the end of the 8 and 1,140,000 t-CO2 over the five years after
     * them, the latter shared in proportion to the former (the ledger gives only the total).
     */
    record ForecastPlan(CasePlan plan, LocalDate on, BigDecimal atEndTco2PerYear, BigDecimal fiveYearsAfterTco2) {
    }

    /**
     * The call for proposals of a fiscal year: open from April 1 to May 10, its proposals scored by the committee
     * on May 19 and selected on May 20; the FY2017 call's selection was still under way at the ledger's date.
     */
    record CallPlan(int fiscalYear, String title, LocalDate opensOn, LocalDate closesOn, LocalDate selectedOn,
                    List<CasePlan> proposals) {

        LocalDate scoredOn() {
            return selectedOn.minusDays(1);
        }
    }

    /** A revision of an indicator's target, as the programme recorded it. */
    record TargetPlan(Targets.Indicator indicator, int value, Integer deadlineFiscalYear, LocalDate revisedOn,
                      String reason) {
    }

    /**
     * The targets as set and revised: ten studies and demonstrations a year from the start; five methodologies by
     * FY2015 once the JCM's first partners had signed, raised to ten by FY2017 when the partners had doubled and the
     * programme was extended (情勢変化).
     */
    static final List<TargetPlan> TARGETS = List.of(
            new TargetPlan(Targets.Indicator.ACTIVITY, 10, null, LocalDate.of(2011, 4, 1),
                    "Set at the programme's start"),
            new TargetPlan(Targets.Indicator.OUTCOME, 5, 2015, LocalDate.of(2013, 4, 1),
                    "Set when the JCM's first partner countries had signed"),
            new TargetPlan(Targets.Indicator.OUTCOME, 10, 2017, LocalDate.of(2015, 4, 1),
                    "情勢変化: the JCM's partner countries doubled to 16 and the programme was extended to FY2017"));

    /** The programme's early ex-post evaluation (前倒し事後評価) of June 2017, on this ledger. */
    static final LocalDate EVALUATED_ON = LocalDate.of(2017, 6, 28);
    static final String EVALUATION_RESULT = "The evaluation subcommittee judged the programme on track: the studies "
            + "led to JCM projects as planned; the dissemination after the demonstrations is to be followed up.";

    /**
     * Joint policy work with a partner ministry as the ledger reports it, of the demonstration with the given
     * technology, or of the country alone (technology null).
     */
    record PolicyWorkPlan(String country, String technology, LocalDate heldOn, PolicyWorkLog.Kind kind,
                          String counterpart, Integer participants, String outcome, String documents) {
    }

    static final List<PolicyWorkPlan> POLICY_WORK = List.of(
            new PolicyWorkPlan("ID", "LED fishing lights", LocalDate.of(2016, 9, 8), PolicyWorkLog.Kind.STANDARD,
                    "Ministry of Marine Affairs and Fisheries", 20,
                    "Draft national standard for LED fishing lights agreed with the ministry",
                    "Draft standard; minutes of the working group"),
            new PolicyWorkPlan("TH", "Efficiency labelling with technician training for inverter air-conditioners",
                    LocalDate.of(2016, 11, 15), PolicyWorkLog.Kind.TECHNICIAN_TRAINING,
                    "Department of Alternative Energy Development and Efficiency", 45,
                    "Technicians trained to install and service labelled inverter air-conditioners",
                    "Training manual; attendance list"),
            new PolicyWorkPlan("TH", "Efficiency labelling with technician training for inverter air-conditioners",
                    LocalDate.of(2017, 2, 20), PolicyWorkLog.Kind.EQUIPMENT_AND_LABELLING,
                    "Department of Alternative Energy Development and Efficiency", 12,
                    "Energy-label test equipment handed over to the department's laboratory", "Handover certificate"),
            new PolicyWorkPlan("VN", "Fluorocarbon recovery and destruction", LocalDate.of(2017, 3, 14),
                    PolicyWorkLog.Kind.TECHNICIAN_TRAINING, "Ministry of Natural Resources and Environment", 60,
                    "Technicians trained in fluorocarbon recovery and destruction", "Training materials"),
            new PolicyWorkPlan("MN", null, LocalDate.of(2016, 12, 5), PolicyWorkLog.Kind.SEMINAR,
                    "Ministry of Environment and Tourism", 120, "JCM seminar on low-carbon heating for the ger districts",
                    "Programme and presentations"),
            new PolicyWorkPlan("KH", "Energy-saving equipment and BEMS for hotels", LocalDate.of(2017, 5, 25),
                    PolicyWorkLog.Kind.CEREMONY, "Ministry of Environment", 80,
                    "Opening ceremony of the hotel demonstration with the minister", null));

    /** The ledger's forecast of the five years after the demonstrations, in t-CO2. */
    static final BigDecimal FIVE_YEARS_AFTER_TCO2 = new BigDecimal("1140000");

    /**
     * A commissioning contract of a case, signed the day after the step that selected the work, and what the
     * accounts settled under it per fiscal year. A study's amount is its share of what the ledger says was executed
     * in its year, once the other contracts' spending in that year is known.
     */
    static final class ContractPlan {
        final CasePlan plan;
        final String number;
        final ContractKind kind;
        final LocalDate signedOn;
        final LocalDate endsOn;
        BigDecimal amount;
        final Map<Integer, BigDecimal> spending = new TreeMap<>();

        ContractPlan(CasePlan plan, String number, ContractKind kind, LocalDate signedOn, LocalDate endsOn,
                     BigDecimal amount) {
            this.plan = plan;
            this.number = number;
            this.kind = kind;
            this.signedOn = signedOn;
            this.endsOn = endsOn;
            this.amount = amount;
        }

        /** Settled at the end of May after each fiscal year, as the accounts close it. */
        static LocalDate settledOn(int fiscalYear) {
            return LocalDate.of(fiscalYear + 1, 5, 31);
        }
    }

    /** A demonstration the ledger counts, with the reduction estimated when it was selected. */
    private record Demonstration(String country, String technology, String site, String ministry,
                                 double reductionTco2PerYear, double budgetMillionJpy, int progressReports) {

        static final int AWAITING_INSTALLATION = -1;
    }

    /** One feasibility study: what is fixed about it (or null) and what happens after its report. */
    private record Study(String country, String technology, BigDecimal budgetMillionJpy,
                         BigDecimal estimatedReductionTco2PerYear, Consumer<CasePlan> afterReport) {
    }

    /** A study's contract: its study and the review of its report. */
    private static final int STUDY_DAYS = 180;
    private static final int DEMONSTRATION_DAYS = 3 * 365;
    private static final String TANAKA = "tanaka";
    private static final String SUZUKI = "suzuki";

    private static final List<String> TECHNOLOGIES = List.of(
            "Waste-to-energy incineration", "Energy-saving street lighting", "Solar PV with battery storage",
            "Biomass power from rice husks", "Regenerative burners for steel reheating furnaces",
            "Low-loss transmission lines", "Digital tachographs for truck fleets", "Landfill methane capture",
            "Geothermal binary power", "Micro-hydro power", "Efficient chillers for commercial buildings",
            "Energy management for an industrial park", "Inverter air-conditioning for offices",
            "Heat pumps for food processing", "Cogeneration for a textile plant", "Energy-efficient water pumping",
            "Efficient cold chain for fisheries");

    private final Map<String, String> countryNames;
    private final List<String> countries;
    private final List<CasePlan> cases = new ArrayList<>();
    private final List<BudgetEntry> budget = new ArrayList<>();
    private final List<ContractPlan> contracts = new ArrayList<>();
    private final Map<Integer, BigDecimal> executed = new TreeMap<>();
    private final List<ForecastPlan> forecasts = new ArrayList<>();
    private final Map<Integer, CallPlan> calls = new TreeMap<>();
    private int nextCountry;
    private int nextTechnology;

    /** @param countryNames ISO code to English name of the partner countries, in signing order */
    ProgrammeHistory(Map<String, String> countryNames) {
        this.countryNames = countryNames;
        this.countries = List.copyOf(countryNames.keySet());
        fiscalYears();
        budget();
        spending();
        shareFiveYearForecast();
        for (CasePlan plan : cases) {
            if (plan.latestDay().isAfter(LEDGER_DATE)) {
                throw new IllegalStateException("Case '" + plan.proposal().title() + "' runs past the ledger's date to "
                        + plan.latestDay());
            }
        }
    }

    List<CasePlan> cases() {
        return Collections.unmodifiableList(cases);
    }

    List<CallPlan> calls() {
        return List.copyOf(calls.values());
    }

    List<BudgetEntry> budgetEntries() {
        return Collections.unmodifiableList(budget);
    }

    List<ForecastPlan> forecasts() {
        return Collections.unmodifiableList(forecasts);
    }

    private void shareFiveYearForecast() {
        BigDecimal atEnd = forecasts.stream().map(ForecastPlan::atEndTco2PerYear).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal left = FIVE_YEARS_AFTER_TCO2;
        for (int i = 0; i < forecasts.size(); i++) {
            ForecastPlan forecast = forecasts.get(i);
            BigDecimal share = i == forecasts.size() - 1 ? left : FIVE_YEARS_AFTER_TCO2
                    .multiply(forecast.atEndTco2PerYear()).divide(atEnd, 0, RoundingMode.HALF_UP);
            left = left.subtract(share);
            forecasts.set(i, new ForecastPlan(forecast.plan(), forecast.on(), forecast.atEndTco2PerYear(), share));
        }
    }

    List<ContractPlan> contracts() {
        return Collections.unmodifiableList(contracts);
    }

    /** Signs a contract for the work the case's last step selected, from the next day, for the given days. */
    private ContractPlan contract(CasePlan plan, ContractKind kind, int days, BigDecimal amount) {
        LocalDate signed = plan.lastDay().plusDays(1);
        ContractPlan contract = new ContractPlan(plan, String.format("JCM-%d-%04d", FiscalYears.of(signed),
                contracts.size() + 1), kind, signed, signed.plusDays(days - 1), amount);
        contracts.add(contract);
        return contract;
    }

    /**
     * What was executed under each contract per fiscal year, up to FY2016 (FY2017 is the ledger's plan): surveys
     * and demonstrations in proportion to their days in each year, studies all in their year, sharing what the
     * ledger's execution of the year leaves, to the tenth of a million.
     */
    private void spending() {
        Map<Integer, BigDecimal> fixed = new TreeMap<>();
        Map<Integer, List<ContractPlan>> studies = new TreeMap<>();
        for (ContractPlan contract : contracts) {
            if (contract.amount == null) {
                studies.computeIfAbsent(FiscalYears.of(contract.signedOn), year -> new ArrayList<>()).add(contract);
                continue;
            }
            long days = contract.signedOn.until(contract.endsOn.plusDays(1), ChronoUnit.DAYS);
            BigDecimal left = contract.amount;
            for (int year = FiscalYears.of(contract.signedOn); year <= Math.min(FiscalYears.of(contract.endsOn),
                    LAST_SETTLED); year++) {
                LocalDate from = max(contract.signedOn, LocalDate.of(year, 4, 1));
                LocalDate to = min(contract.endsOn, LocalDate.of(year + 1, 3, 31));
                BigDecimal share = year == FiscalYears.of(contract.endsOn) ? left
                        : contract.amount.multiply(BigDecimal.valueOf(from.until(to.plusDays(1),
                                ChronoUnit.DAYS))).divide(BigDecimal.valueOf(days), 1, RoundingMode.DOWN);
                left = left.subtract(share);
                contract.spending.put(year, share);
                fixed.merge(year, share, BigDecimal::add);
            }
        }
        studies.forEach((year, yearStudies) -> {
            long tenths = executed.get(year).subtract(fixed.getOrDefault(year, BigDecimal.ZERO)).movePointRight(1)
                    .longValueExact();
            if (tenths < yearStudies.size() * 100L) {
                throw new IllegalStateException("FY" + year + " leaves " + tenths / 10 + " million JPY for "
                        + yearStudies.size() + " studies");
            }
            for (int i = 0; i < yearStudies.size(); i++) {
                BigDecimal share = BigDecimal.valueOf(tenths / yearStudies.size()
                        + (i < tenths % yearStudies.size() ? 1 : 0), 1);
                yearStudies.get(i).amount = share;
                yearStudies.get(i).spending.put(year, share);
            }
        });
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private void budget() {
        entry(2011, "5000", "2500");
        entry(2012, "2300", "0");
        entry(2013, "3200", "0");
        entry(2014, "4210", "0");
        entry(2015, "4300", "0");
        entry(2016, "2400", "0");
        entry(2017, "1900", "0");
    }

    private void entry(int fiscalYear, String budgetMillionJpy, String returnedMillionJpy) {
        budget.add(new BudgetEntry(fiscalYear, LocalDate.of(fiscalYear, 4, 1), new BigDecimal(budgetMillionJpy),
                new BigDecimal(returnedMillionJpy)));
    }

    /**
     * The studies of each fiscal year with the outcomes of their reviews, and the amount executed that year. Of
     * the 95 studies, each counted once with its last review's outcome: 11 to a pre-demonstration survey, 8 to an
     * MRV application survey, 4 in a follow-on study at the ledger's date; 12 to the MOE subsidy, 10 to other
     * policy, 12 to private commercialisation; 38 terminated. Four more were continued once and then reviewed with
     * their final outcome, counted among these.
     */
    private void fiscalYears() {
        fiscalYear(2011, "610", concat(
                List.of(generic(continued(transfer("OTHER_POLICY"))), generic(continued(terminated()))),
                times(2, transfer("OTHER_POLICY")), times(2, transfer("PRIVATE_COMMERCIALISATION")),
                times(6, terminated())));
        fiscalYear(2012, "720", concat(
                List.of(mrvApplication("ID", "Waste heat recovery power at a cement plant", ProgrammeHistory::mrvCompletedIntoFollowUp),
                        mrvApplication("VN", "Energy management at a brewery", ProgrammeHistory::mrvWithRevisions),
                        mrvApplication("BD", "Energy-saving textile dyeing machines", ProgrammeHistory::mrvAfterRejection)),
                times(2, transfer("MOE_SUBSIDY")), times(2, transfer("OTHER_POLICY")),
                times(3, transfer("PRIVATE_COMMERCIALISATION")), times(6, terminated())));
        fiscalYear(2013, "1140", concat(
                List.of(demonstrationBeforeTheStageGate(new Demonstration("VN", "Inverter air-conditioning for hospitals",
                                "Cho Ray Hospital", "Ministry of Health", 1580, 200, 4),
                                plan -> plan.alongsideOperation(0, track -> track
                                        .methodology("Energy saving by inverter air-conditioning in hospitals",
                                                "APPROVED", "VN_AM002")
                                        .validation(false).register("VN002", 3).monitoringPeriod(620.4, 611.0))),
                        demonstrationBeforeTheStageGate(new Demonstration("ID", "LED fishing lights",
                                "Pelabuhan Ratu fishing port", "Ministry of Marine Affairs and Fisheries", 4890, 180, 4),
                                plan -> plan.alongsideOperation(30, track -> track
                                        .methodology("Energy saving by LED fishing lights", "APPROVED_WITH_REVISIONS",
                                                "ID_AM002")
                                        .validation(true)
                                        .registrationRejected("The PDD's monitoring points do not cover the boats' "
                                                + "generators; revise the PDD and request registration again."))),
                        demonstrationBeforeTheStageGate(new Demonstration("LA", "Energy-saving data centre",
                                "National data centre", "Ministry of Post and Telecommunications", 3460, 160, 3),
                                plan -> plan.alongsideOperation(805, track -> track
                                        .draftMethodology("Energy saving by efficient cooling in data centres"))),
                        generic(continued(transfer("MOE_SUBSIDY"))),
                        mrvApplication("TH", "High-efficiency chillers at a factory", ProgrammeHistory::mrvMonitoring),
                        mrvApplication("KE", "Solar-diesel hybrid power", ProgrammeHistory::mrvMethodologyRejected),
                        mrvApplication("MV", "Solar power on resort islands", plan ->
                                plan.mrvApplicationSurvey("CLOSE", estimate(plan)))),
                times(3, transfer("MOE_SUBSIDY")), times(1, transfer("OTHER_POLICY")),
                times(2, transfer("PRIVATE_COMMERCIALISATION")), times(5, terminated())));
        fiscalYear(2014, "1682", concat(
                List.of(demonstration(new Demonstration("VN", "Fluorocarbon recovery and destruction",
                                "Ho Chi Minh City recycling centre", "Ministry of Natural Resources and Environment",
                                9036, 250, 2), plan -> plan.alongsideOperation(120, track -> track
                                        .incompleteMethodology("Recovery and destruction of fluorocarbons"))),
                        conditionalDemonstration(new Demonstration("TH",
                                "Efficiency labelling with technician training for inverter air-conditioners",
                                "Bangkok training centre", "Department of Alternative Energy Development and Efficiency",
                                1725, 240, 1)),
                        demonstration(new Demonstration("MN", "High-efficiency heat-only boilers", "Ulaanbaatar ger district",
                                "Ministry of Environment and Tourism", 2300, 260, 2), plan -> plan.alongsideOperation(
                                        400, track -> track.draftMethodology(
                                                "Installation of high-efficiency heat-only boilers"))),
                        generic(plan -> mouAbandoned(plan)),
                        mrvApplication("MX", "Efficient compressors at a bottling plant",
                                ProgrammeHistory::mrvMethodologyIncomplete),
                        mrvApplication("CL", "Solar PV for a copper mine", ProgrammeHistory::mrvAwaitingDecision),
                        generic(continued(plan -> notAppropriateAtStageGate(plan)))),
                times(3, transfer("MOE_SUBSIDY")), times(1, transfer("OTHER_POLICY")),
                times(2, transfer("PRIVATE_COMMERCIALISATION")), times(4, terminated())));
        fiscalYear(2015, "2100", concat(
                List.of(demonstration(new Demonstration("KH", "Energy-saving equipment and BEMS for hotels",
                                "Hotel in Phnom Penh", "Ministry of Environment", 2215, 420, 0),
                                plan -> plan.draftMethodology("Energy saving by BEMS and efficient equipment in hotels")),
                        demonstration(new Demonstration("MM", "Amorphous-core distribution transformers",
                                "Yangon distribution grid", "Ministry of Electricity and Energy", 2200, 380,
                                Demonstration.AWAITING_INSTALLATION))),
                times(2, transfer("MOE_SUBSIDY")), times(2, transfer("OTHER_POLICY")),
                times(2, transfer("PRIVATE_COMMERCIALISATION")), times(7, terminated())));
        fiscalYear(2016, "2635", concat(
                List.of(new Study("PH", "Waste-to-energy for a city", new BigDecimal("600"), null,
                        plan -> revisingForStageGate(plan))),
                times(4, this::stillContinuing),
                times(1, transfer("MOE_SUBSIDY")), times(1, transfer("OTHER_POLICY")),
                times(1, transfer("PRIVATE_COMMERCIALISATION")), times(9, terminated())));
        proposalsAwaitingScreening(2017, 3);
    }

    /**
     * Opens the year's studies, each under a contract from its screening, and one proposal rejected. The
     * proposals' budgets add up to the year's execution, as the ledger's proposals roughly did; what the dashboard
     * shows as executed is the spending under the contracts, which adds up to it too.
     */
    private void fiscalYear(int fiscalYear, String executedMillionJpy, List<Study> studies) {
        executed.put(fiscalYear, new BigDecimal(executedMillionJpy));
        BigDecimal fixed = studies.stream().map(Study::budgetMillionJpy).filter(b -> b != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long shared = studies.stream().filter(study -> study.budgetMillionJpy() == null).count();
        long tenths = new BigDecimal(executedMillionJpy).subtract(fixed).movePointRight(1).longValueExact();
        int sharing = 0;
        for (int i = 0; i < studies.size(); i++) {
            Study study = studies.get(i);
            BigDecimal budgetMillionJpy = study.budgetMillionJpy();
            if (budgetMillionJpy == null) {
                budgetMillionJpy = BigDecimal.valueOf(tenths / shared + (sharing++ < tenths % shared ? 1 : 0), 1);
            }
            CasePlan plan = open(fiscalYear, i, study.country(), study.technology(), budgetMillionJpy,
                    study.estimatedReductionTco2PerYear());
            contract(plan.screen(true), ContractKind.FEASIBILITY_STUDY, STUDY_DAYS, null);
            plan.study(estimate(plan));
            study.afterReport().accept(plan);
        }
        open(fiscalYear, studies.size(), null, null, new BigDecimal("30"), null).screen(false);
    }

    private void proposalsAwaitingScreening(int fiscalYear, int count) {
        for (int i = 0; i < count; i++) {
            open(fiscalYear, i * 4, null, null, new BigDecimal("50"), null);
        }
    }

    private CasePlan open(int fiscalYear, int indexInYear, String country, String technology,
                          BigDecimal budgetMillionJpy, BigDecimal estimatedReductionTco2PerYear) {
        int number = cases.size();
        String code = country != null ? country : countries.get(nextCountry++ % countries.size());
        String what = technology != null ? technology : TECHNOLOGIES.get(nextTechnology++ % TECHNOLOGIES.size());
        BigDecimal estimate = estimatedReductionTco2PerYear != null ? estimatedReductionTco2PerYear
                : BigDecimal.valueOf(300 + (number * 2311L) % 14700);
        NewCase proposal = new NewCase(what + " (" + countryNames.get(code) + ")", code, what, estimate,
                budgetMillionJpy, fiscalYear);
        CallPlan call = calls.computeIfAbsent(fiscalYear, year -> new CallPlan(year,
                "FY" + year + " call for feasibility studies, surveys and demonstrations", LocalDate.of(year, 4, 1),
                LocalDate.of(year, 5, 10), year < LEDGER_DATE.getYear() ? LocalDate.of(year, 5, 20) : null,
                new ArrayList<>()));
        // a day apart, all in the call's window
        CasePlan plan = new CasePlan(proposal, number % 2 == 0 ? TANAKA : SUZUKI,
                LocalDate.of(fiscalYear, 4, 15).plusDays(indexInYear), call);
        cases.add(plan);
        return plan;
    }

    /** The study's own estimate, a little below the proposal's. */
    private static double estimate(CasePlan plan) {
        return plan.proposal().estimatedReductionTco2PerYear().multiply(new BigDecimal("0.9"))
                .setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    // What happens after a study's report

    private static Study generic(Consumer<CasePlan> afterReport) {
        return new Study(null, null, null, null, afterReport);
    }

    private static List<Study> times(int count, Consumer<CasePlan> afterReport) {
        return Collections.nCopies(count, generic(afterReport));
    }

    @SafeVarargs
    private static List<Study> concat(List<Study>... parts) {
        List<Study> all = new ArrayList<>();
        for (List<Study> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static Consumer<CasePlan> terminated() {
        return plan -> plan.review("TERMINATE");
    }

    private static Consumer<CasePlan> transfer(String scheme) {
        return plan -> plan.transfer(scheme);
    }

    /** A follow-on study: reviewed once to continue, studied again, then reviewed with the given outcome. */
    private Consumer<CasePlan> continued(Consumer<CasePlan> thenReviewed) {
        return plan -> {
            contract(plan.review("CONTINUE_STUDY"), ContractKind.FEASIBILITY_STUDY, STUDY_DAYS, null);
            plan.study(estimate(plan));
            thenReviewed.accept(plan);
        };
    }

    /** A study reviewed to continue, whose follow-on study runs at the ledger's date: its final outcome so far. */
    private void stillContinuing(CasePlan plan) {
        contract(plan.review("CONTINUE_STUDY"), ContractKind.FEASIBILITY_STUDY, STUDY_DAYS, null);
    }

    private Study demonstration(Demonstration demonstration) {
        return demonstration(demonstration, plan -> { });
    }

    /** A demonstration whose JCM track, beside it since the MOU, has got as far as the given steps. */
    private Study demonstration(Demonstration demonstration, Consumer<CasePlan> jcmTrack) {
        return demonstrationStudy(demonstration, plan -> plan.stageGate("APPROPRIATE"), jcmTrack);
    }

    /**
     * Decided before the stage gate was introduced (FY2014): the demonstration went ahead without it; its JCM track,
     * beside it since the MOU, has got as far as the given steps.
     */
    private Study demonstrationBeforeTheStageGate(Demonstration demonstration, Consumer<CasePlan> jcmTrack) {
        return demonstrationStudy(demonstration, plan -> { }, jcmTrack);
    }

    private Study conditionalDemonstration(Demonstration demonstration) {
        return demonstrationStudy(demonstration,
                plan -> plan.stageGate("CONDITIONAL").reviseForStageGate().stageGate("APPROPRIATE"), plan -> { });
    }

    /**
     * A study that leads to one of the ledger's demonstrations: the proposal estimated more than the survey whose
     * estimate the stage gate judged, which is the one the ledger adds up.
     */
    private Study demonstrationStudy(Demonstration demonstration, Consumer<CasePlan> stageGate,
                                     Consumer<CasePlan> jcmTrack) {
        BigDecimal proposed = BigDecimal.valueOf(demonstration.reductionTco2PerYear()).multiply(new BigDecimal("1.15"))
                .setScale(0, RoundingMode.HALF_UP);
        return new Study(demonstration.country(), demonstration.technology(),
                BigDecimal.valueOf(demonstration.budgetMillionJpy()), proposed, plan -> {
            survey(plan.review("PRE_DEMONSTRATION_SURVEY")).survey(demonstration.reductionTco2PerYear(),
                    demonstration.budgetMillionJpy() * 2.5, demonstration.site());
            stageGate.accept(plan);
            forecasts.add(new ForecastPlan(plan, plan.lastDay().plusDays(1),
                    BigDecimal.valueOf(demonstration.reductionTco2PerYear()), null));
            plan.mouSigned(demonstration.ministry(), "MOU-" + demonstration.country() + "-" + plan.lastDay().getYear());
            // after the MOU: no installation under it before the partner ministry has signed
            contract(plan, ContractKind.DEMONSTRATION, DEMONSTRATION_DAYS,
                    BigDecimal.valueOf(demonstration.budgetMillionJpy() * 2.5).setScale(1, RoundingMode.HALF_UP));
            if (demonstration.progressReports() == Demonstration.AWAITING_INSTALLATION) {
                return;
            }
            plan.install().commission();
            for (int report = 1; report <= demonstration.progressReports(); report++) {
                plan.progressReport(Math.round(demonstration.reductionTco2PerYear() * 0.45));
            }
            jcmTrack.accept(plan);
        });
    }

    /** The survey's contract, from the review that chose the survey: its survey and the review of its results. */
    private CasePlan survey(CasePlan plan) {
        contract(plan, ContractKind.PRE_DEMONSTRATION_SURVEY, 165, new BigDecimal("40"));
        return plan;
    }

    private void notAppropriateAtStageGate(CasePlan plan) {
        survey(plan.review("PRE_DEMONSTRATION_SURVEY")).survey(estimate(plan), 300, "Industrial estate");
        plan.stageGate("NOT_APPROPRIATE");
    }

    private void mouAbandoned(CasePlan plan) {
        survey(plan.review("PRE_DEMONSTRATION_SURVEY")).survey(estimate(plan), 350, "Provincial hospital");
        plan.stageGate("APPROPRIATE");
        plan.mouAbandoned("Ministry of Energy");
    }

    private void revisingForStageGate(CasePlan plan) {
        survey(plan.review("PRE_DEMONSTRATION_SURVEY")).survey(estimate(plan), 1500, "Municipal waste plant");
        plan.stageGate("CONDITIONAL");
    }

    private Study mrvApplication(String country, String technology, Consumer<CasePlan> afterSurvey) {
        return new Study(country, technology, null, null, plan -> {
            contract(plan.review("MRV_APPLICATION_SURVEY"), ContractKind.MRV_APPLICATION_SURVEY, 135,
                    new BigDecimal("30"));
            afterSurvey.accept(plan);
        });
    }

    private static void mrvCompletedIntoFollowUp(CasePlan plan) {
        plan.mrvApplicationSurvey("PROCEED_TO_MRV", estimate(plan));
        plan.methodology("Waste heat recovery power generation in cement plants", "APPROVED", "ID_AM001")
                .validation(false).register("ID001", 2)
                .monitoringPeriod(5210.4, 5102.0).monitoringPeriod(5388.9, 5301.5)
                .disseminationYear(2, 10350.0);
    }

    private static void mrvWithRevisions(CasePlan plan) {
        plan.mrvApplicationSurvey("PROCEED_TO_MRV", estimate(plan));
        plan.methodology("Energy management in breweries", "APPROVED_WITH_REVISIONS", "VN_AM001")
                .validation(true).register("VN001", 3)
                .monitoringPeriod(1840.2, 1811.0).monitoringPeriod(1902.7, 1880.3);
    }

    private static void mrvAfterRejection(CasePlan plan) {
        plan.mrvApplicationSurvey("PROCEED_TO_MRV", estimate(plan));
        plan.methodology("Efficient dyeing machines", "REJECTED", null)
                .methodology("Energy-saving dyeing machines in textile factories", "APPROVED", "BD_AM001")
                .validation(false).register("BD001", 1)
                .monitoringPeriod(960.5, 944.1)
                .disseminationYear(6, 2810.0).disseminationYear(11, 5230.5);
    }

    private static void mrvMonitoring(CasePlan plan) {
        plan.mrvApplicationSurvey("PROCEED_TO_MRV", estimate(plan));
        plan.methodology("High-efficiency chillers in factories", "APPROVED", "TH_AM001")
                .validation(false).register("TH001", 3)
                .monitoringPeriod(2410.0, 2388.6);
    }

    /** The JC rejected the proposed methodology; the proponent is redrafting it. */
    private static void mrvMethodologyRejected(CasePlan plan) {
        plan.mrvApplicationSurvey("PROCEED_TO_MRV", estimate(plan));
        plan.methodology("Solar-diesel hybrid power for isolated grids", "REJECTED", null);
    }

    /** The proposed methodology found incomplete by the JC secretariat, with the proponent to complete. */
    private static void mrvMethodologyIncomplete(CasePlan plan) {
        plan.mrvApplicationSurvey("PROCEED_TO_MRV", estimate(plan));
        plan.incompleteMethodology("Efficient air compressors");
    }

    private static void mrvAwaitingDecision(CasePlan plan) {
        plan.mrvApplicationSurvey("PROCEED_TO_MRV", estimate(plan));
        plan.draftMethodology("Solar PV for mining sites");
    }
}
