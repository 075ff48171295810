package org.jcmflow.tasks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.identity.UserDirectory;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jcmflow.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Absences: a person away for a period names a stand-in of the same role, who takes the work the process gives
 * them by name meanwhile (a committee member's evaluation). People record their own; a programme manager records
 * anyone's.
 */
@Service
public class Absences {

    private static final Logger log = LoggerFactory.getLogger(Absences.class);

    private final JdbcClient jdbc;
    private final UserDirectory directory;
    private final Clock clock;
    private final ZoneId zone;

    Absences(JdbcClient jdbc, UserDirectory directory, Clock clock, @Value("${jcm.portal.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    /** Today in the programme's time zone, by the engine's clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Who stands in for the person on the day, if they are away. */
    @Transactional(readOnly = true)
    public Optional<Absence> absence(String username, LocalDate day) {
        return jdbc.sql("""
                        select id, username, starts_on, ends_on, stand_in, recorded_by from absence
                        where username = ? and starts_on <= ? and ends_on >= ? order by recorded_at desc, id desc
                        limit 1""")
                .params(username, day, day).query(Absences::absence).optional();
    }

    /** The absences that have not ended: the user's own, or everyone's for a programme manager. */
    @Transactional(readOnly = true)
    public List<Absence> current(CurrentUser user) {
        boolean everyone = user.has(Role.PROGRAM_MANAGER);
        return jdbc.sql("""
                        select id, username, starts_on, ends_on, stand_in, recorded_by from absence
                        where ends_on >= :today and (:everyone or username = :username or stand_in = :username)
                        order by starts_on, username, id""")
                .param("today", today()).param("everyone", everyone).param("username", user.username())
                .query(Absences::absence).list();
    }

    @Transactional
    public Absence record(NewAbsence absence, CurrentUser user) {
        String person = absence.person() == null || absence.person().isBlank() ? user.username() : absence.person();
        if (!person.equals(user.username()) && !user.has(Role.PROGRAM_MANAGER)) {
            throw Problem.forbidden("Only a programme manager records another person's absence.",
                    "absenceOfAnother");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<CurrentUser> away = directory.person(person);
        Optional<CurrentUser> standIn = directory.person(absence.standIn());
        if (away.isEmpty()) {
            problems.add(FieldProblem.coded("person", "is no user of JCM Flow", "noSuchPerson", person));
        }
        if (absence.endsOn().isBefore(absence.startsOn())) {
            problems.add(FieldProblem.coded("endsOn", "must not be before the start", "endsBeforeStart"));
        } else if (absence.endsOn().isBefore(today())) {
            problems.add(FieldProblem.coded("endsOn", "must not be in the past", "endsInThePast"));
        }
        if (standIn.isEmpty()) {
            problems.add(FieldProblem.coded("standIn", "is no user of JCM Flow", "noSuchPerson", absence.standIn()));
        } else if (absence.standIn().equals(person)) {
            problems.add(FieldProblem.coded("standIn", "must be someone else", "standInSelf"));
        } else if (away.isPresent() && away.get().roles().stream().noneMatch(standIn.get().roles()::contains)) {
            problems.add(FieldProblem.coded("standIn", "holds none of the roles of " + person,
                    "standInRole", absence.standIn(), person));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into absence (username, starts_on, ends_on, stand_in, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(person, absence.startsOn(), absence.endsOn(), absence.standIn(), user.username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        log.info("{} is away from {} to {}; {} stands in (recorded by {})", person, absence.startsOn(),
                absence.endsOn(), absence.standIn(), user.username());
        return new Absence(id, person, absence.startsOn(), absence.endsOn(), absence.standIn(), user.username());
    }

    private static Absence absence(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Absence(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6));
    }
}
