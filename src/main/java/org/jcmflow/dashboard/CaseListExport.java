package org.jcmflow.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.servlet.http.HttpServletResponse;

import org.jcmflow.web.SpreadsheetText;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case list as CSV, streamed row by row from the database. UTF-8 with a byte-order mark, so that
 * spreadsheet programs show Japanese names correctly. Proponents write the titles and technologies: every text
 * cell goes through {@link SpreadsheetText}, so that none runs as a formula in the reader's spreadsheet.
 */
@RestController
class CaseListExport {

    private static final CsvSchema COLUMNS = CsvSchema.builder()
            .addColumn("id").addColumn("title").addColumn("partnerCountry").addColumn("partnerCountryEn")
            .addColumn("partnerCountryJa").addColumn("technology").addColumn("estimatedReductionTco2PerYear")
            .addColumn("budgetMillionJpy").addColumn("fiscalYear").addColumn("organization").addColumn("stage")
            .addColumn("stageEnteredAt").addColumn("jcmTrackStage").addColumn("jcmTrackStageEnteredAt")
            .addColumn("transferScheme").addColumn("createdBy").addColumn("createdAt")
            .build().withHeader();

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final CsvMapper csv = new CsvMapper();

    CaseListExport(JdbcClient jdbc, CurrentUsers currentUsers) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/reports/cases.csv")
    @Transactional(readOnly = true)
    public void export(HttpServletResponse response) throws IOException {
        CurrentUser user = currentUsers.current();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("jcm-cases.csv").build().toString());
        OutputStream out = response.getOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Map<String, Object> params = new HashMap<>();
        params.put("organization", user.seesOnlyOwnOrganization() ? user.organization() : null);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             SequenceWriter rows = csv.writer(COLUMNS).writeValues(writer)) {
            jdbc.sql("""
                            select c.id, c.title, c.partner_country, p.name_en, p.name_ja, c.technology,
                                   c.estimated_reduction_tco2_per_year, c.budget_million_jpy, c.fiscal_year,
                                   c.organization, c.stage, c.stage_entered_at, c.transfer_scheme, c.created_by, c.created_at,
                                   c.jcm_track_stage, c.jcm_track_stage_entered_at
                            from project_case c join partner_country p on p.iso_code = c.partner_country
                            where cast(:organization as varchar) is null or c.organization = :organization
                            order by c.fiscal_year, c.created_at, c.id""")
                    .params(params)
                    .query(rs -> {
                        try {
                            rows.write(new Object[] {rs.getString(1), text(rs, 2), text(rs, 3), text(rs, 4),
                                    text(rs, 5), text(rs, 6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                                    rs.getInt(9), text(rs, 10), text(rs, 11),
                                    rs.getTimestamp(12).toInstant().toString(), text(rs, 16),
                                    rs.getTimestamp(17) == null ? null : rs.getTimestamp(17).toInstant().toString(),
                                    text(rs, 13), text(rs, 14),
                                    rs.getTimestamp(15).toInstant().toString()});
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
        }
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        return SpreadsheetText.inert(rs.getString(column));
    }
}
