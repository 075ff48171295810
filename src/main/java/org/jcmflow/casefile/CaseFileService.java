package org.jcmflow.casefile;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.problem.Problem;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens cases, keeps their stage in step with the lifecycle, and decides who may see which case. */
@Service
public class CaseFileService {

    private static final Logger log = LoggerFactory.getLogger(CaseFileService.class);

    private final CaseRepository cases;
    private final CaseTimeline timeline;
    private final PartnerCountries partnerCountries;
    private final CaseLifecycle lifecycle;
    private final CaseTasks caseTasks;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<ConfidentialSteps> confidentialSteps;
    private final ProposalCalls calls;

    CaseFileService(CaseRepository cases, CaseTimeline timeline, PartnerCountries partnerCountries,
                    CaseLifecycle lifecycle, CaseTasks caseTasks, JdbcClient jdbc, Clock clock,
                    List<ConfidentialSteps> confidentialSteps, ProposalCalls calls) {
        this.calls = calls;
        this.confidentialSteps = confidentialSteps;
        this.cases = cases;
        this.timeline = timeline;
        this.partnerCountries = partnerCountries;
        this.lifecycle = lifecycle;
        this.caseTasks = caseTasks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The case row, its first stage and the running process are written together or not at all. */
    @Transactional
    public ProjectCase open(NewCase request, CurrentUser proponent) {
        checkMayPropose(proponent);
        validate(request);
        Instant now = clock.instant();
        if (request.callId() != null) {
            calls.admit(request.callId(), request.fiscalYear(), now);
        } else if (calls.anyFor(request.fiscalYear())) {
            throw new InvalidInput(List.of(FieldProblem.coded("callId", "is required: the proposals of FY"
                    + request.fiscalYear() + " come in under one of its calls for proposals", "callRequired",
                    request.fiscalYear())));
        }
        ProjectCase projectCase = new ProjectCase(UUID.randomUUID(), request.title().trim(), request.partnerCountry(),
                request.technology().trim(), request.estimatedReductionTco2PerYear(), request.budgetMillionJpy(),
                request.fiscalYear(), proponent.organization(), proponent.username(), now, Stage.FEASIBILITY_STUDY, now,
                null, JcmTrackStage.NOT_STARTED, null);
        cases.insert(projectCase, request.callId());
        timeline.enterStage(projectCase.id(), Stage.FEASIBILITY_STUDY, now);
        timeline.recordStep(projectCase.id(), new CaseTimeline.Step(now, proponent.username(), "Proposal submitted",
                "Start_CaseCreated", Stage.FEASIBILITY_STUDY, "SUBMITTED", null));
        cases.attachProcessInstance(projectCase.id(), lifecycle.start(projectCase.id()));
        log.info("Case {} '{}' opened by {} of {}", projectCase.id(), projectCase.title(), proponent.username(),
                proponent.organization());
        return cases.find(projectCase.id()).orElseThrow();
    }

    /** Only a proponent of an organisation may submit a proposal: the case belongs to the organisation. */
    public void checkMayPropose(CurrentUser user) {
        if (!user.has(Role.PROPONENT)) {
            throw Problem.forbidden("Only a proponent may submit a proposal.", "proponentsOnly");
        }
        if (user.organization() == null) {
            throw Problem.forbidden("Your account belongs to no organisation; a case needs one.",
                    "noOrganization");
        }
    }

    private void validate(NewCase request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (BidiControls.in(request.title())) {
            problems.add(BidiControls.problem("title"));
        }
        if (BidiControls.in(request.technology())) {
            problems.add(BidiControls.problem("technology"));
        }
        if (!partnerCountries.exists(request.partnerCountry())) {
            problems.add(FieldProblem.coded("partnerCountry", "is not a JCM partner country", "notPartnerCountry"));
        }
        int lastValid = FiscalYears.lastValid(clock);
        if (request.fiscalYear() < FiscalYears.FIRST || request.fiscalYear() > lastValid) {
            problems.add(FieldProblem.coded("fiscalYear", "must be between " + FiscalYears.FIRST + " and " + lastValid,
                    "fiscalYearRange", String.valueOf(FiscalYears.FIRST), String.valueOf(lastValid)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    @Transactional(readOnly = true)
    public CaseDetails details(UUID caseId, CurrentUser user) {
        ProjectCase projectCase = visibleCase(caseId, user);
        List<CaseTasks.OpenTask> openTasks = caseTasks.openTasks(caseId);
        List<CaseTimeline.Step> history = timeline.history(caseId);
        if (seesOnlyOutcomes(user, projectCase)) {
            Set<String> confidential = confidentialStepKeys();
            openTasks = openTasks.stream().map(task -> confidential.contains(task.taskKey()) ? new CaseTasks.OpenTask(
                    task.id(), task.taskKey(), task.name(), task.candidateGroups(), null, task.created(), task.due(),
                    task.overdue())
                    : task).toList();
            history = history.stream().map(step -> confidential.contains(step.stepKey()) ? new CaseTimeline.Step(
                    step.when(), null, step.what(), step.stepKey(), step.stage(), step.outcome(), null)
                    : step).toList();
        }
        return new CaseDetails(projectCase, openTasks, timeline.stagePeriods(caseId),
                DocumentInfo.ofCase(jdbc, caseId, seesConfidentialVersions(user, projectCase)), history);
    }

    /**
     * The confidential versions of a case's documents are read by its own organisation, the programme office, the
     * third-party entities that validate and verify, and the Joint Committee; everyone else who sees the case, the
     * stage-gate committee of other organisations among them, reads the public versions only.
     */
    public static boolean seesConfidentialVersions(CurrentUser user, ProjectCase projectCase) {
        return projectCase.organization().equals(user.organization())
                || user.has(Role.PROGRAM_MANAGER) || user.has(Role.MRV_VERIFIER) || user.has(Role.JOINT_COMMITTEE);
    }

    private Set<String> confidentialStepKeys() {
        return confidentialSteps.stream().flatMap(steps -> steps.stepKeys().stream()).collect(Collectors.toSet());
    }

    /**
     * The last {@code count} records of a step on a case the user may see, newest first: what a proponent submitted,
     * for the step that decides on it. Who took a confidential step and what they entered stay hidden from the
     * proponent's organisation, as in {@link #details}.
     */
    @Transactional(readOnly = true)
    public List<RecordedStep> lastRecords(UUID caseId, String stepKey, int count, CurrentUser user) {
        ProjectCase projectCase = visibleCase(caseId, user);
        boolean hidden = seesOnlyOutcomes(user, projectCase) && confidentialStepKeys().contains(stepKey);
        return timeline.lastRecords(caseId, stepKey, count).stream()
                .map(step -> new RecordedStep(step.stepKey(), step.what(), hidden ? null : step.who(), step.when(),
                        hidden || step.details() == null ? "{}" : step.details()))
                .toList();
    }

    /**
     * The proponent's organisation (its proponents, and a committee member of it, who may not evaluate the case)
     * sees the stage gate's outcome, not who was convened nor who scored what; the programme managers see all.
     */
    public static boolean seesOnlyOutcomes(CurrentUser user, ProjectCase projectCase) {
        return !user.has(Role.PROGRAM_MANAGER) && projectCase.organization().equals(user.organization());
    }

    /**
     * The documents uploaded on the case, oldest first, for a step that refers to one of them: a step refers to a
     * document by its public version, which its confidential version (if any) goes with.
     */
    @Transactional(readOnly = true)
    public List<DocumentInfo> documents(UUID caseId) {
        return DocumentInfo.ofCase(jdbc, caseId, false);
    }

    /**
     * The documents of a case the user may see, oldest first, as they may read them: the confidential versions only
     * for those who see them ({@link #seesConfidentialVersions}).
     */
    @Transactional(readOnly = true)
    public List<DocumentInfo> documents(UUID caseId, CurrentUser user) {
        return DocumentInfo.ofCase(jdbc, caseId, seesConfidentialVersions(user, visibleCase(caseId, user)));
    }

    /** A case the user may not see is reported as missing, so that its existence does not leak. */
    public ProjectCase visibleCase(UUID caseId, CurrentUser user) {
        return cases.find(caseId).filter(found -> maySee(user, found))
                .orElseThrow(() -> Problem.notFound("No case " + caseId, "noCase"));
    }

    public Optional<ProjectCase> find(UUID caseId) {
        return cases.find(caseId);
    }

    /** The cases of the given ids that exist, by id: one query for a page of tasks or a list. */
    public Map<UUID, ProjectCase> findAll(Collection<UUID> caseIds) {
        return cases.findAll(caseIds);
    }

    public boolean maySee(CurrentUser user, ProjectCase projectCase) {
        return !user.seesOnlyOwnOrganization() || projectCase.organization().equals(user.organization());
    }

    /** One page of the cases the user may see, in the given order; the locale decides how names sort. */
    @Transactional(readOnly = true)
    CaseRepository.Page search(CurrentUser user, Stage stage, JcmTrackStage jcmTrack, String partnerCountry,
                               Integer fiscalYear, String query, CaseSort sort, Locale locale, int page, int size) {
        String organization = user.seesOnlyOwnOrganization() ? user.organization() : null;
        return cases.search(new CaseFilter(organization, stage, jcmTrack, partnerCountry, fiscalYear,
                        CaseSearch.pattern(query)), sort, locale,
                page, size);
    }

    /**
     * Which cases the user may see, narrowed to a stage and a partner country where these are given: the inbox
     * shows the tasks of these cases only. Every field null: the user may see every case and nothing narrows it.
     */
    public CaseVisibility visibility(CurrentUser user, Stage stage, String partnerCountry) {
        return visibility(user, stage, partnerCountry, null);
    }

    /** The same, narrowed also to the cases that the search text finds (see {@link CaseSearch}). */
    public CaseVisibility visibility(CurrentUser user, Stage stage, String partnerCountry, String query) {
        return new CaseVisibility(user.seesOnlyOwnOrganization() ? user.organization() : null, stage, partnerCountry,
                CaseSearch.pattern(query));
    }

    /** Holds the case until the current transaction ends, so that changes to one case do not interleave. */
    @Transactional
    public void lockForChange(UUID caseId) {
        cases.lockStage(caseId).orElseThrow(() -> Problem.notFound("No case " + caseId, "noCase"));
    }

    /** Called by the lifecycle process when a case enters a stage. */
    @Transactional
    public void enterStage(UUID caseId, Stage stage, String transferScheme) {
        Stage previous = cases.lockStage(caseId)
                .orElseThrow(() -> new IllegalStateException("Lifecycle runs for unknown case " + caseId));
        if (previous == stage) {
            return;
        }
        Instant now = clock.instant();
        cases.changeStage(caseId, stage, now, transferScheme);
        timeline.enterStage(caseId, stage, now);
        log.info("Case {} moved from {} to {}", caseId, previous, stage);
    }

    /**
     * Called by the lifecycle when the case's JCM track moves on: its first step opens, a step of another stage of
     * the track opens, or it ends.
     */
    @Transactional
    public void enterJcmTrackStage(UUID caseId, JcmTrackStage stage) {
        cases.lockStage(caseId)
                .orElseThrow(() -> new IllegalStateException("JCM track runs for unknown case " + caseId));
        JcmTrackStage previous = cases.jcmTrackStage(caseId).orElseThrow();
        if (previous == stage) {
            return;
        }
        Instant now = clock.instant();
        cases.changeJcmTrackStage(caseId, stage, now);
        timeline.enterJcmTrackStage(caseId, stage, now);
        log.info("Case {}: JCM track moved from {} to {}", caseId, previous, stage);
    }

    /**
     * Called when a step of the case's processes is completed. A step of the JCM track is recorded under the
     * track's stage (MRV), whatever the stage of the case's main line at the time.
     */
    @Transactional
    public void recordStep(UUID caseId, String stepKey, String what, String who, String outcome, String detailsJson) {
        Stage current = cases.lockStage(caseId)
                .orElseThrow(() -> new IllegalStateException("Step recorded for unknown case " + caseId));
        Stage stage = JcmTrackStage.ofStep(stepKey).isPresent() ? Stage.MRV : current;
        timeline.recordStep(caseId, new CaseTimeline.Step(clock.instant(), who, what, stepKey, stage, outcome,
                detailsJson));
    }
}
