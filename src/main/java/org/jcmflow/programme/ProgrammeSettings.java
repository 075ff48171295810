package org.jcmflow.programme;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.jcmflow.casefile.FiscalYears;
import org.jcmflow.casefile.ProgrammeRecordsChanged;
import org.jcmflow.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's settings that head its ledger: the project code, the department, the kind of contract, the
 * account and the programme period. The period is the programme's, set here: never the current fiscal year.
 */
@Service
public class ProgrammeSettings {

    /** The kind of contract the programme places: commissioned (委託) or subsidised (助成). */
    public enum ContractType {
        COMMISSIONED, SUBSIDISED
    }

    /** The settings as they stand; what PUT /api/programme/settings takes, without who changed them when. */
    public record Settings(String pjCode, String department, ContractType contractType, String account,
                           Integer firstFiscalYear, Integer lastFiscalYear, String updatedBy, Instant updatedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProgrammeSettings.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ProgrammeSettings(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** The settings, for the ledger and the programme office. */
    @Transactional(readOnly = true)
    public Settings current() {
        return jdbc.sql("""
                        select pj_code, department, contract_type, account, first_fiscal_year, last_fiscal_year,
                               updated_by, updated_at
                        from programme_settings""")
                .query((rs, row) -> new Settings(rs.getString(1), rs.getString(2),
                        ContractType.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getInt(6),
                        rs.getString(7), rs.getTimestamp(8).toInstant()))
                .single();
    }

    @Transactional(readOnly = true)
    public Settings read(CurrentUser user) {
        ProgrammeRecords.requireReader(user);
        return current();
    }

    @Transactional
    public Settings update(Settings entry, CurrentUser user) {
        ProgrammeRecords.requireWriter(user);
        Forecasts.Checks checks = new Forecasts.Checks();
        checks.text("pjCode", entry.pjCode(), 20);
        checks.text("department", entry.department(), 200);
        checks.required("contractType", entry.contractType());
        checks.text("account", entry.account(), 200);
        if (checks.required("firstFiscalYear", entry.firstFiscalYear()) && entry.firstFiscalYear() < FiscalYears.FIRST) {
            checks.add("firstFiscalYear", "must be " + FiscalYears.FIRST + " or later", "min", FiscalYears.FIRST);
        }
        if (checks.required("lastFiscalYear", entry.lastFiscalYear()) && entry.firstFiscalYear() != null
                && entry.lastFiscalYear() < entry.firstFiscalYear()) {
            checks.add("lastFiscalYear", "must not be before firstFiscalYear", "notBefore", "firstFiscalYear");
        }
        checks.throwIfAny();
        jdbc.sql("""
                        update programme_settings set pj_code = ?, department = ?, contract_type = ?, account = ?,
                            first_fiscal_year = ?, last_fiscal_year = ?, updated_by = ?, updated_at = ?""")
                .params(entry.pjCode().strip(), entry.department().strip(), entry.contractType().name(),
                        entry.account().strip(), entry.firstFiscalYear(), entry.lastFiscalYear(), user.username(),
                        Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(ProgrammeRecordsChanged.programme());
        log.info("Programme settings changed by {}: {} FY{}-FY{}", user.username(), entry.pjCode(),
                entry.firstFiscalYear(), entry.lastFiscalYear());
        return current();
    }
}
