package org.jcmflow.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.DemoUser;

/** B3's reads, each repeated after a warm-up, one after the other: the p50 and p95 of each. */
final class VolumeQueries {

    record Latency(double p50, double p95, int requests) {
    }

    private final int port;

    VolumeQueries(int port) {
        this.port = port;
    }

    Map<String, Latency> measure(List<String> caseIds, int warmUp, int requests) {
        ApiClient manager = ApiClient.as(port, DemoUser.PROGRAM_MANAGER);
        ApiClient proponent = ApiClient.as(port, DemoUser.PROPONENT);
        Random random = new Random(caseIds.size());
        Map<String, Latency> latencies = new LinkedHashMap<>();
        latencies.put("tasksOfProgrammeManager", time(() -> manager.get("/api/tasks"), warmUp, requests));
        latencies.put("tasksOfProponent", time(() -> proponent.get("/api/tasks"), warmUp, requests));
        latencies.put("casesInStage", time(() -> manager.get("/api/cases?stage=DEMONSTRATION"), warmUp, requests));
        latencies.put("caseFile", time(() -> manager.get("/api/cases/" + caseIds.get(random.nextInt(caseIds.size()))),
                warmUp, requests));
        // the search box over cases and over the tasks of the cases it finds (a trigram index answers substrings):
        // one technology in fifty
        latencies.put("searchCases", time(() -> manager.get("/api/cases?q=technology%2017"), warmUp, requests));
        latencies.put("searchTasks", time(() -> manager.get("/api/tasks?q=technology%2023"), warmUp, requests));
        latencies.put("dashboard", time(() -> manager.get("/api/dashboard"), warmUp, requests));
        // the figures are kept until the records change: here each request follows a change (a budget entered
        // again, as it was), so whatever the change touches is counted afresh
        latencies.put("dashboardAfterAChange", time(() -> {
            ApiLifecycles.expect(manager.put("/api/budget/" + BUDGET_YEAR, BUDGET), 204, "entering the budget");
            return null;
        }, () -> manager.get("/api/dashboard"), Math.min(warmUp, 3), Math.min(requests, 20)));
        // and after a change of the cases: a proposal submitted (a case, its history's first step, its first stage)
        ApiClient proposer = ApiClient.as(port, DemoUser.PROPONENT);
        int[] proposals = {0};
        latencies.put("dashboardAfterACase", time(() -> {
            ApiLifecycles.expect(proposer.post("/api/cases", ApiLifecycles.proposal("Dashboard change "
                    + caseIds.size() + "-" + ++proposals[0])), 201, "submitting a proposal");
            return null;
        }, () -> manager.get("/api/dashboard"), Math.min(warmUp, 3), Math.min(requests, 20)));
        return latencies;
    }

    private static final int BUDGET_YEAR = 2016;
    private static final String BUDGET = "{\"budgetMillionJpy\": 2400, \"returnedMillionJpy\": 0}";

    private static Latency time(Supplier<ApiClient.Response> request, int warmUp, int requests) {
        return time(() -> null, request, warmUp, requests);
    }

    /** Times the request, each time after the untimed preparation. */
    private static Latency time(Supplier<Void> preparation, Supplier<ApiClient.Response> request, int warmUp,
                                int requests) {
        for (int i = 0; i < warmUp; i++) {
            preparation.get();
            ApiLifecycles.expect(request.get(), 200, "warming up");
        }
        Percentiles percentiles = new Percentiles();
        for (int i = 0; i < requests; i++) {
            preparation.get();
            long started = System.nanoTime();
            ApiClient.Response response = request.get();
            percentiles.record(started);
            ApiLifecycles.expect(response, 200, "querying");
        }
        return new Latency(percentiles.millis(50), percentiles.millis(95), requests);
    }
}
