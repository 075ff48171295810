package org.jcmflow.mrv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.problem.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credits issued into the registries' accounts: a case's ledger (as visible as the case), and a partner
 * country's (public, as the JCM registries publish issuances by registered project).
 */
@Service
public class RegistryLedger {

    /**
     * Credits issued into one account for one monitoring period.
     *
     * @param holder     the holder as the MoC statement named it
     * @param holderName the holder as the reader reads it: a government by name in their language, a participant by
     *                   its organisation's name
     */
    public record Entry(int periodNumber, String registry, String accountKind, String holder, String holderName,
                        BigDecimal creditsTco2, LocalDate issuedOn) {
    }

    public record CaseLedger(UUID caseId, List<Entry> entries, Map<String, BigDecimal> byAccount,
                             BigDecimal totalTco2) {
    }

    /** A registered project's credits in the country's ledger. */
    public record Project(UUID caseId, String registrationNumber, String title, Map<String, BigDecimal> byAccount,
                          BigDecimal totalTco2) {
    }

    public record CountryLedger(String partnerCountry, List<Project> projects, Map<String, BigDecimal> byAccount,
                                BigDecimal totalTco2) {
    }

    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final PartnerCountries countries;
    private final AccountHolders holders;

    RegistryLedger(JdbcClient jdbc, CaseFileService cases, PartnerCountries countries, AccountHolders holders) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.countries = countries;
        this.holders = holders;
    }

    @Transactional(readOnly = true)
    public CaseLedger ofCase(UUID caseId, CurrentUser user) {
        cases.visibleCase(caseId, user);
        List<Entry> entries = jdbc.sql("""
                        select period_number, registry, account_kind, holder, credits_tco2, issued_on,
                               partner_country
                        from registry_entry where case_id = ? order by period_number, account_kind""")
                .param(caseId)
                .query((rs, row) -> new Entry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        holders.name(rs.getString(3), rs.getString(4), rs.getString(7)), rs.getBigDecimal(5),
                        rs.getDate(6).toLocalDate()))
                .list();
        Map<String, BigDecimal> byAccount = new LinkedHashMap<>();
        entries.forEach(entry -> byAccount.merge(entry.accountKind(), entry.creditsTco2(), BigDecimal::add));
        return new CaseLedger(caseId, entries, byAccount, sum(byAccount));
    }

    @Transactional(readOnly = true)
    public CountryLedger ofCountry(String partnerCountry) {
        if (!countries.exists(partnerCountry)) {
            throw Problem.notFound("No partner country " + partnerCountry, "noPartnerCountry", partnerCountry);
        }
        Map<UUID, Project> projects = new LinkedHashMap<>();
        jdbc.sql("""
                        select e.case_id, r.registration_number, c.title, e.account_kind, sum(e.credits_tco2)
                        from registry_entry e join project_case c on c.id = e.case_id
                        left join project_registration r on r.case_id = e.case_id
                        where e.partner_country = ?
                        group by e.case_id, r.registration_number, c.title, e.account_kind
                        order by r.registration_number nulls last, e.case_id, e.account_kind""")
                .param(partnerCountry)
                .query(rs -> {
                    UUID caseId = rs.getObject(1, UUID.class);
                    Project project = projects.computeIfAbsent(caseId, id -> {
                        try {
                            return new Project(id, rs.getString(2), rs.getString(3), new LinkedHashMap<>(), null);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    project.byAccount().put(rs.getString(4), rs.getBigDecimal(5));
                });
        Map<String, BigDecimal> byAccount = new LinkedHashMap<>();
        List<Project> listed = projects.values().stream().map(project -> {
            project.byAccount().forEach((account, credits) -> byAccount.merge(account, credits, BigDecimal::add));
            return new Project(project.caseId(), project.registrationNumber(), project.title(), project.byAccount(),
                    sum(project.byAccount()));
        }).toList();
        return new CountryLedger(partnerCountry, listed, byAccount, sum(byAccount));
    }

    private static BigDecimal sum(Map<String, BigDecimal> byAccount) {
        return byAccount.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
