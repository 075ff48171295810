package org.jcmflow.contracts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.jcmflow.lifecycle.AgreedDeadlines;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The commissioned work is reported by the contract's end: a report step that opens while the case has a contract
 * of the kind it reports on (the demonstration's final report, opening years after the contract was signed) is due
 * at the end of the contract's last day as it stands, in the programme office's time zone. A contract that has
 * ended commissions no later report, which then takes its due date from the process.
 */
@Component
class ReportDeadlines implements AgreedDeadlines {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    ReportDeadlines(JdbcClient jdbc, Clock clock, @Value("${jcm.portal.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Optional<Instant> dueOf(UUID caseId, String taskKey) {
        return ContractKind.reportedIn(taskKey).flatMap(kind -> jdbc.sql("select max(" + Contracts.CURRENT_END
                        + ") from commissioning_contract k where k.case_id = ? and k.kind = ?")
                        .params(caseId, kind.name()).query(LocalDate.class).optional())
                .map(this::endOf)
                .filter(due -> due.isAfter(clock.instant()));
    }

    /** The end of the contract's last day, in the programme office's time zone. */
    Instant endOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant();
    }
}
