package org.jcmflow.mrv;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.problem.Problem;
import org.jcmflow.web.Pagination;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the methodology register (public programme information) and a case's MRV records (as visible as the case). */
@Service
public class MrvQueries {

    private static final String METHODOLOGY_COLUMNS = """
            m.id, m.title, m.partner_country, m.status, m.reference, m.version, m.drafted_by_case,
            m.jc_decision_date, m.created_at, m.updated_at """;

    /** Spaces around it on purpose, as it follows a select list and precedes an order. */
    private static final String FILTER = " from methodology m where (cast(:country as varchar) is null"
            + " or m.partner_country = :country) and (cast(:status as varchar) is null or m.status = :status) ";

    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final AccountHolders holders;

    MrvQueries(JdbcClient jdbc, CaseFileService cases, AccountHolders holders) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.holders = holders;
    }

    public record MethodologyPage(List<Methodology> content, int page, int size, long totalElements,
                                  long totalPages) {
    }

    /**
     * A case's MRV: the methodology it applies (none before one is drafted or chosen), its project design document
     * with the MoC statement's allocation, its registration and its monitoring periods.
     */
    public record CaseMrv(UUID caseId, Methodology methodology, ProjectDesign projectDesign,
                          Registration registration, List<MonitoringPeriod> monitoringPeriods) {
    }

    /** The PDD, the TPE that validates it, and the MoC statement: its focal point and the credits' shares. */
    public record ProjectDesign(UUID document, String documentFileName, int sectoralScope, long tpeId, String tpeName,
                                String focalPoint, String focalPointEmail, String submittedBy, Instant submittedAt,
                                String validationOutcome, String validatedBy, LocalDate validatedOn,
                                List<CreditShare> creditAllocation) {
    }

    /**
     * @param holder     the holder as the MoC statement named it
     * @param holderName the holder as the reader reads it: a government by name in their language, a participant by
     *                   its organisation's name
     */
    public record CreditShare(String accountKind, String holder, String holderName,
                              java.math.BigDecimal sharePercent) {
    }

    /** The registration request and the Joint Committee's registration. */
    public record Registration(String requestedBy, Instant requestedAt, String registrationNumber,
                               LocalDate registeredOn, LocalDate creditingPeriodStart, LocalDate creditingPeriodEnd) {
    }

    @Transactional(readOnly = true)
    public MethodologyPage methodologies(String partnerCountry, MethodologyStatus status, int page, int size) {
        Map<String, Object> filter = new HashMap<>();
        filter.put("country", partnerCountry);
        filter.put("status", status == null ? null : status.name());
        long total = jdbc.sql("select count(*)" + FILTER).params(filter).query(Long.class).single();
        filter.put("limit", size);
        filter.put("offset", Pagination.offset(page, size));
        List<Methodology> content = jdbc.sql("select " + METHODOLOGY_COLUMNS + FILTER
                        + " order by m.partner_country, m.id limit :limit offset :offset")
                .params(filter).query((rs, row) -> methodology(rs)).list();
        return new MethodologyPage(content, page, size, total, (total + size - 1) / size);
    }

    @Transactional(readOnly = true)
    public Methodology methodology(long id) {
        return jdbc.sql("select " + METHODOLOGY_COLUMNS + " from methodology m where m.id = ?").param(id)
                .query((rs, row) -> methodology(rs)).optional()
                .orElseThrow(() -> Problem.notFound("No methodology " + id, "noMethodology", id));
    }

    /** The approved methodologies of a partner country, which a case there may apply instead of drafting one. */
    @Transactional(readOnly = true)
    public List<Methodology> approvedFor(String partnerCountry) {
        return jdbc.sql("select " + METHODOLOGY_COLUMNS + " from methodology m where m.partner_country = ?"
                        + " and m.status in ('APPROVED', 'APPROVED_WITH_REVISIONS') order by m.id")
                .param(partnerCountry).query((rs, row) -> methodology(rs)).list();
    }

    @Transactional(readOnly = true)
    public CaseMrv caseMrv(UUID caseId, CurrentUser user) {
        cases.visibleCase(caseId, user);
        Optional<Methodology> methodology = jdbc.sql("select " + METHODOLOGY_COLUMNS
                        + " from methodology m join project_case c on c.methodology_id = m.id where c.id = ?")
                .param(caseId).query((rs, row) -> methodology(rs)).optional();
        List<MonitoringPeriod> periods = jdbc.sql("""
                        select p.period_number, p.period_start, p.period_end, p.monitored_reduction_tco2,
                               p.monitoring_report_document, d.file_name, p.verification_outcome,
                               p.corrections_requested, p.verified_reduction_tco2, p.verified_by, p.verified_on,
                               p.credits_issued_tco2, p.issued_on
                        from monitoring_period p left join case_document d on d.id = p.monitoring_report_document
                        where p.case_id = ? order by p.period_number""")
                .param(caseId)
                .query((rs, row) -> new MonitoringPeriod(rs.getInt(1), date(rs, 2), date(rs, 3), rs.getBigDecimal(4),
                        rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getInt(8),
                        rs.getBigDecimal(9), rs.getString(10), date(rs, 11), rs.getBigDecimal(12), date(rs, 13)))
                .list();
        List<CreditShare> shares = jdbc.sql("""
                        select a.account_kind, a.holder, a.share_percent, c.partner_country
                        from credit_allocation a join project_case c on c.id = a.case_id where a.case_id = ?
                        order by a.account_kind""")
                .param(caseId).query((rs, row) -> new CreditShare(rs.getString(1), rs.getString(2),
                        holders.name(rs.getString(1), rs.getString(2), rs.getString(4)), rs.getBigDecimal(3)))
                .list();
        ProjectDesign design = jdbc.sql("""
                        select p.document_id, d.file_name, p.sectoral_scope, p.tpe_id, t.name, p.focal_point,
                               p.focal_point_email, p.submitted_by, p.submitted_at, p.validation_outcome,
                               p.validated_by, p.validated_on
                        from project_design p join case_document d on d.id = p.document_id
                        join third_party_entity t on t.id = p.tpe_id where p.case_id = ?""")
                .param(caseId)
                .query((rs, row) -> new ProjectDesign(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        instant(rs.getTimestamp(9)), rs.getString(10), rs.getString(11), date(rs, 12), shares))
                .optional().orElse(null);
        Registration registration = jdbc.sql("""
                        select requested_by, requested_at, registration_number, registered_on,
                               crediting_period_start, crediting_period_end
                        from project_registration where case_id = ?""")
                .param(caseId)
                .query((rs, row) -> new Registration(rs.getString(1), instant(rs.getTimestamp(2)), rs.getString(3),
                        date(rs, 4), date(rs, 5), date(rs, 6)))
                .optional().orElse(null);
        return new CaseMrv(caseId, methodology.orElse(null), design, registration, periods);
    }

    private static Methodology methodology(ResultSet rs) throws SQLException {
        return new Methodology(rs.getLong("id"), rs.getString("title"), rs.getString("partner_country"),
                MethodologyStatus.valueOf(rs.getString("status")), rs.getString("reference"), rs.getString("version"),
                rs.getObject("drafted_by_case", UUID.class), date(rs, "jc_decision_date"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
