package org.jcmflow.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.casefile.ProgrammeRecordsChanged;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of joint policy work with the partner countries' ministries under the MOUs (energy-label equipment and
 * technician training, standards, seminars, ceremonies), per country and per case. Programme managers record it;
 * the programme office reads all of it, and whoever may see a case reads the work of that case.
 */
@Service
public class PolicyWorkLog {

    /** What the joint work was. */
    public enum Kind {
        EQUIPMENT_AND_LABELLING, TECHNICIAN_TRAINING, STANDARD, SEMINAR, CEREMONY, POLICY_DIALOGUE, OTHER
    }

    /** What POST /api/policy-work takes; the case, when given, decides the country. */
    public record Entry(String partnerCountry, UUID caseId, LocalDate heldOn, Kind kind, String counterpart,
                        Integer participants, String outcome, String documents) {
    }

    private static final Logger log = LoggerFactory.getLogger(PolicyWorkLog.class);

    private static final String SELECT = """
            select w.id, w.partner_country, w.case_id, c.title, w.held_on, w.kind, w.counterpart, w.participants,
                   w.outcome, w.documents, w.recorded_by, w.recorded_at
            from policy_work w left join project_case c on c.id = w.case_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseFileService cases;
    private final PartnerCountries partnerCountries;
    private final ApplicationEventPublisher events;

    PolicyWorkLog(JdbcClient jdbc, Clock clock, CaseFileService cases, PartnerCountries partnerCountries,
                  ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.partnerCountries = partnerCountries;
        this.events = events;
    }

    @Transactional
    public PolicyWork record(Entry entry, CurrentUser user) {
        ProgrammeRecords.requireWriter(user);
        Forecasts.Checks checks = new Forecasts.Checks();
        String country = entry.partnerCountry() == null ? null : entry.partnerCountry().strip();
        if (entry.caseId() != null) {
            ProjectCase projectCase = cases.find(entry.caseId()).orElse(null);
            if (projectCase == null) {
                checks.add("caseId", "is not a case of the programme", "noCase");
            } else if (country != null && !country.isEmpty() && !country.equals(projectCase.partnerCountry())) {
                checks.add("partnerCountry", "must be the case's partner country, " + projectCase.partnerCountry(),
                        "caseCountry", projectCase.partnerCountry());
            } else {
                country = projectCase.partnerCountry();
            }
        }
        if (checks.required("partnerCountry", country) && !partnerCountries.exists(country)) {
            checks.add("partnerCountry", "is not a JCM partner country", "notPartnerCountry");
        }
        checks.pastDate("heldOn", entry.heldOn(), clock);
        checks.required("kind", entry.kind());
        checks.text("counterpart", entry.counterpart(), 200);
        if (entry.participants() != null && (entry.participants() < 0 || entry.participants() > 100000)) {
            checks.add("participants", "must be from 0 to 100,000", "max", "100,000");
        }
        checks.text("outcome", entry.outcome(), 4000);
        if (entry.documents() != null && entry.documents().length() > 1000) {
            checks.add("documents", "must be at most 1000 characters", "maxLength", 1000);
        }
        checks.throwIfAny();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into policy_work (id, partner_country, case_id, held_on, kind, counterpart, participants,
                            outcome, documents, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, country, entry.caseId(), entry.heldOn(), entry.kind().name(), entry.counterpart().strip(),
                        entry.participants(), entry.outcome().strip(),
                        entry.documents() == null || entry.documents().isBlank() ? null : entry.documents().strip(),
                        user.username(), Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(ProgrammeRecordsChanged.programme());
        log.info("Policy work {} in {} on {} recorded by {}", entry.kind(), country, entry.heldOn(), user.username());
        return jdbc.sql(SELECT + " where w.id = ?").param(id).query(PolicyWorkLog::row).single();
    }

    /** The programme office's log, narrowed to a country where one is given, the latest first. */
    @Transactional(readOnly = true)
    public List<PolicyWork> list(String partnerCountry, CurrentUser user) {
        ProgrammeRecords.requireReader(user);
        Map<String, Object> filter = new HashMap<>();
        filter.put("country", partnerCountry);
        return jdbc.sql(SELECT + " where (cast(:country as varchar) is null or w.partner_country = :country)"
                        + " order by w.held_on desc, w.recorded_at desc")
                .params(filter).query(PolicyWorkLog::row).list();
    }

    /** The work of one case, for whoever may see the case; a case they may not see is not found. */
    @Transactional(readOnly = true)
    public List<PolicyWork> ofCase(UUID caseId, CurrentUser user) {
        cases.visibleCase(caseId, user);
        return jdbc.sql(SELECT + " where w.case_id = ? order by w.held_on desc, w.recorded_at desc").param(caseId)
                .query(PolicyWorkLog::row).list();
    }

    private static PolicyWork row(ResultSet rs, int row) throws SQLException {
        return new PolicyWork(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getObject(5, LocalDate.class), Kind.valueOf(rs.getString(6)), rs.getString(7),
                (Integer) rs.getObject(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getTimestamp(12).toInstant());
    }
}
