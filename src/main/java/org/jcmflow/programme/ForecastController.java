package org.jcmflow.programme;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jcmflow.identity.CurrentUsers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The demonstrations' forecasts at selection, against what their reports said since. */
@RestController
class ForecastController {

    private final Forecasts forecasts;
    private final CurrentUsers currentUsers;

    ForecastController(Forecasts forecasts, CurrentUsers currentUsers) {
        this.forecasts = forecasts;
        this.currentUsers = currentUsers;
    }

    @PutMapping("/api/cases/{caseId}/forecast")
    ResponseEntity<Void> record(@PathVariable UUID caseId, @RequestBody ForecastEntry entry) {
        forecasts.record(caseId, entry, currentUsers.current());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/forecasts")
    List<Forecast> list(@RequestParam(required = false) Integer fiscalYear,
                        @RequestParam(required = false) String partnerCountry) {
        return forecasts.list(fiscalYear, partnerCountry, currentUsers.current());
    }

    @GetMapping("/api/reports/forecasts.csv")
    void csv(HttpServletResponse response) throws IOException {
        table(forecasts.list(null, null, currentUsers.current())).sendCsv("jcm-forecasts.csv", response);
    }

    static RecordTable table(List<Forecast> forecasts) {
        RecordTable table = RecordTable.of("forecasts", "caseId", "caseTitle", "partnerCountry",
                "forecastAtEndTco2PerYear", "forecastFiveYearsAfterTco2", "forecastOn", "basis",
                "reportedAtEndTco2PerYear", "reportedAfterTco2", "yearsReported");
        forecasts.forEach(f -> table.row(f.caseId().toString(), f.caseTitle(), f.partnerCountry(),
                f.forecastAtEndTco2PerYear(), f.forecastFiveYearsAfterTco2(), f.forecastOn().toString(), f.basis(),
                f.reportedAtEndTco2PerYear(), f.reportedAfterTco2(), f.yearsReported()));
        return table;
    }
}
