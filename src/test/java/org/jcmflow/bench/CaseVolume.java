package org.jcmflow.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RuntimeService;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.NewCase;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.RealmUsers;
import org.jcmflow.lifecycle.LifecycleProcess;
import org.jcmflow.notification.Notifications;
import org.jcmflow.testsupport.DemoUser;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * B3's data: cases spread over the stages, each with the open task its stage starts with, loaded in bulk through
 * the engine, and the history its stage implies. Every case is opened by the case-file service; a case meant for a
 * later stage is then moved there by a process-instance modification (its feasibility study cancelled, the stage's
 * call activity started), so the stage's own listeners set the case's stage; the steps of the main path before that
 * stage are then copied into the engine's history and ours ({@link CaseHistories}). Several hundred cases share one
 * transaction, on several threads, and nobody is mailed about them.
 */
final class CaseVolume {

    /** Where the cases stand, and how many of every 20 stand there. */
    private static final List<Map.Entry<String, Integer>> SPREAD = List.of(
            Map.entry("CallActivity_FeasibilityStudy", 6),
            Map.entry("CallActivity_PreDemonstrationSurvey", 3),
            Map.entry("CallActivity_StageGate", 2),
            Map.entry("CallActivity_Mou", 2),
            Map.entry("CallActivity_Demonstration", 3),
            Map.entry("CallActivity_JcmTrack", 2),
            Map.entry("CallActivity_FollowUp", 2));
    private static final List<String> COUNTRIES = List.of("VN", "ID", "TH", "MN", "BD", "KH", "LA", "MM", "PH", "KE");

    private final CaseFileService cases;
    private final RuntimeService runtime;
    private final RealmUsers realmUsers;
    private final TransactionTemplate transaction;
    private final Notifications notifications;
    private final CaseHistories histories;
    private final Map<String, CurrentUser> users = new ConcurrentHashMap<>();
    private final List<String> caseIds = Collections.synchronizedList(new ArrayList<>());

    CaseVolume(CaseFileService cases, RuntimeService runtime, RealmUsers realmUsers, TransactionTemplate transaction,
               Notifications notifications, CaseHistories histories) {
        this.cases = cases;
        this.runtime = runtime;
        this.realmUsers = realmUsers;
        this.transaction = transaction;
        this.notifications = notifications;
        this.histories = histories;
    }

    int size() {
        return caseIds.size();
    }

    List<String> caseIds() {
        synchronized (caseIds) {
            return List.copyOf(caseIds);
        }
    }

    /** Adds cases until there are the given number; returns the seconds it took. */
    double growTo(int target, int threads, int batchSize) throws Exception {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int first = caseIds.size(); first < target; first += batchSize) {
                int from = first;
                int to = Math.min(target, first + batchSize);
                // nobody is mailed about a loaded case's first task: a mail is a process and jobs of its own,
                // which would be most of the load's work
                batches.add(pool.submit(() -> notifications.withheldDuring(() -> transaction.execute(status -> {
                    List<CaseHistories.LoadedCase> loaded = new ArrayList<>();
                    for (int number = from; number < to; number++) {
                        loaded.add(open(number));
                    }
                    // the steps before each case's stage, in the engine's history and ours, copied in at once
                    histories.load(loaded);
                    loaded.forEach(loadedCase -> caseIds.add(loadedCase.caseId().toString()));
                    return null;
                }))));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private CaseHistories.LoadedCase open(int number) {
        String proponent = number % 2 == 0 ? DemoUser.PROPONENT : DemoUser.OTHER_PROPONENT;
        NewCase proposal = new NewCase("Volume case " + number, COUNTRIES.get(number % COUNTRIES.size()),
                "Technology " + number % 50, BigDecimal.valueOf(100 + number % 5000), BigDecimal.valueOf(50 + number % 900),
                2011 + number % 15);
        UUID id = cases.open(proposal, users.computeIfAbsent(proponent, realmUsers::user)).id();
        String caseId = id.toString();
        String stage = stageOf(number);
        if (!stage.equals("CallActivity_FeasibilityStudy")) {
            String processInstanceId = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(LifecycleProcess.PROCESS_ID).processInstanceBusinessKey(caseId)
                    .singleResult().getId();
            runtime.createProcessInstanceModification(processInstanceId)
                    .startBeforeActivity(stage)
                    .cancelAllForActivity("CallActivity_FeasibilityStudy")
                    .execute();
        }
        return new CaseHistories.LoadedCase(id, proponent, stage);
    }

    private static String stageOf(int number) {
        int slot = number % 20;
        for (Map.Entry<String, Integer> stage : SPREAD) {
            if (slot < stage.getValue()) {
                return stage.getKey();
            }
            slot -= stage.getValue();
        }
        throw new IllegalStateException("The spread covers 20 slots");
    }
}
