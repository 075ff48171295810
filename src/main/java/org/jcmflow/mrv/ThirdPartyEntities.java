package org.jcmflow.mrv;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jcmflow.problem.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of third-party entities designated by the Joint Committee: programme managers keep it as the JC
 * designates, every signed-in role reads it. A TPE validates or verifies a project only where its designation holds
 * for the case's partner country and sectoral scope on that day.
 */
@Service
public class ThirdPartyEntities {

    static final int FIRST_SCOPE = 1;
    static final int LAST_SCOPE = 15;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    public ThirdPartyEntities(JdbcClient jdbc, Clock clock, @Value("${jcm.portal.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    public List<ThirdPartyEntity> list() {
        return jdbc.sql("select id from third_party_entity order by name").query(Long.class).list().stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    @Transactional(readOnly = true)
    public ThirdPartyEntity get(long id) {
        return find(id).orElseThrow(() -> Problem.notFound("No third-party entity " + id, "noTpe", id));
    }

    /** Records a TPE the Joint Committee designated. */
    @Transactional
    public ThirdPartyEntity designate(TpeEntry entry, CurrentUser user) {
        requireKeeper(user);
        TpeEntry checked = checked(entry);
        Timestamp now = Timestamp.from(clock.instant());
        long id;
        try {
            id = jdbc.sql("""
                            insert into third_party_entity (name, designated_on, designation_ends_on, created_at,
                                                            updated_at)
                            values (?, ?, ?, ?, ?) returning id""")
                    .params(checked.name(), checked.designatedOn(), checked.designationEndsOn(), now, now)
                    .query(Long.class).single();
        } catch (DuplicateKeyException taken) {
            throw sameName(checked.name());
        }
        writeScope(id, checked);
        return get(id);
    }

    /** Changes a TPE's designation: its countries, scopes or dates, as the JC extended, suspended or ended it. */
    @Transactional
    public ThirdPartyEntity change(long id, TpeEntry entry, CurrentUser user) {
        requireKeeper(user);
        get(id);
        TpeEntry checked = checked(entry);
        try {
            jdbc.sql("""
                            update third_party_entity set name = ?, designated_on = ?, designation_ends_on = ?,
                                updated_at = ? where id = ?""")
                    .params(checked.name(), checked.designatedOn(), checked.designationEndsOn(),
                            Timestamp.from(clock.instant()), id)
                    .update();
        } catch (DuplicateKeyException taken) {
            throw sameName(checked.name());
        }
        jdbc.sql("delete from third_party_entity_country where tpe_id = ?").param(id).update();
        jdbc.sql("delete from third_party_entity_scope where tpe_id = ?").param(id).update();
        writeScope(id, checked);
        return get(id);
    }

    /** The TPEs designated today for the partner country (in any sectoral scope), by name. */
    @Transactional(readOnly = true)
    public List<ThirdPartyEntity> designatedFor(String partnerCountry) {
        return list().stream().filter(ThirdPartyEntity::designatedNow)
                .filter(tpe -> tpe.partnerCountries().contains(partnerCountry)).toList();
    }

    /**
     * Whether the TPE's designation holds today for the partner country and the sectoral scope (any scope, when
     * the case has none recorded).
     */
    @Transactional(readOnly = true)
    public boolean isDesignated(long tpeId, String partnerCountry, Integer sectoralScope) {
        return find(tpeId).filter(ThirdPartyEntity::designatedNow)
                .filter(tpe -> tpe.partnerCountries().contains(partnerCountry))
                .filter(tpe -> sectoralScope == null || tpe.sectoralScopes().contains(sectoralScope))
                .isPresent();
    }

    static void requireKeeper(CurrentUser user) {
        if (!user.has(Role.PROGRAM_MANAGER)) {
            throw Problem.forbidden("Only programme managers keep the register of third-party entities.",
                    "tpeKeeperOnly");
        }
    }

    private Optional<ThirdPartyEntity> find(long id) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return jdbc.sql("select id, name, designated_on, designation_ends_on from third_party_entity where id = ?")
                .param(id).query((rs, row) -> {
                    LocalDate from = rs.getDate("designated_on").toLocalDate();
                    java.sql.Date until = rs.getDate("designation_ends_on");
                    LocalDate ends = until == null ? null : until.toLocalDate();
                    return new ThirdPartyEntity(id, rs.getString("name"),
                            jdbc.sql("select partner_country from third_party_entity_country where tpe_id = ? "
                                    + "order by partner_country").param(id).query(String.class).list(),
                            jdbc.sql("select sectoral_scope from third_party_entity_scope where tpe_id = ? "
                                    + "order by sectoral_scope").param(id).query(Integer.class).list(),
                            from, ends, !today.isBefore(from) && (ends == null || !today.isAfter(ends)));
                }).optional();
    }

    private void writeScope(long id, TpeEntry entry) {
        entry.partnerCountries().forEach(country -> jdbc.sql(
                "insert into third_party_entity_country (tpe_id, partner_country) values (?, ?)")
                .params(id, country).update());
        entry.sectoralScopes().forEach(scope -> jdbc.sql(
                "insert into third_party_entity_scope (tpe_id, sectoral_scope) values (?, ?)")
                .params(id, scope).update());
    }

    private TpeEntry checked(TpeEntry entry) {
        if (entry == null) {
            throw InvalidInput.of("name", "is required: the body names the TPE and its designation");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = entry.name() == null ? "" : entry.name().strip();
        if (name.isEmpty() || name.length() > 300) {
            problems.add(FieldProblem.coded("name", "is required, at most 300 characters", "tpeName"));
        }
        List<String> partnerCountries = entry.partnerCountries() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(entry.partnerCountries()));
        if (partnerCountries.isEmpty() || partnerCountries.stream()
                .anyMatch(country -> country == null || !partnerCountry(country))) {
            problems.add(FieldProblem.coded("partnerCountries", "must name at least one partner country, each by "
                    + "its ISO code", "tpeCountries"));
        }
        List<Integer> scopes = entry.sectoralScopes() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(entry.sectoralScopes()));
        if (scopes.isEmpty() || scopes.stream()
                .anyMatch(scope -> scope == null || scope < FIRST_SCOPE || scope > LAST_SCOPE)) {
            problems.add(FieldProblem.coded("sectoralScopes", "must name at least one sectoral scope, each from "
                    + FIRST_SCOPE + " to " + LAST_SCOPE, "tpeScopes"));
        }
        if (entry.designatedOn() == null) {
            problems.add(FieldProblem.coded("designatedOn", "is required: the day the JC designated the TPE",
                    "tpeDesignatedOn"));
        } else if (entry.designationEndsOn() != null && entry.designationEndsOn().isBefore(entry.designatedOn())) {
            problems.add(FieldProblem.coded("designationEndsOn", "must not be before the designation",
                    "tpeEndsBeforeDesignation"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new TpeEntry(name, partnerCountries, scopes, entry.designatedOn(), entry.designationEndsOn());
    }

    private boolean partnerCountry(String isoCode) {
        return jdbc.sql("select exists (select 1 from partner_country where iso_code = ?)").param(isoCode)
                .query(Boolean.class).single();
    }

    private static Problem sameName(String name) {
        return Problem.conflict("A third-party entity named " + name + " is in the register already.", "tpeNameTaken",
                name);
    }

}
