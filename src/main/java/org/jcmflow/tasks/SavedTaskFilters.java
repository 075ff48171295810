package org.jcmflow.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.casefile.Stage;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jcmflow.problem.Problem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/** The inbox filters people save under a name of their choosing, each person's own. */
@Service
class SavedTaskFilters {

    static final int NAME_LENGTH = 80;
    static final int QUERY_LENGTH = 200;
    /** Enough for anyone's habits, and a bound on what one account can store. */
    static final int PER_PERSON = 50;

    /** A filter as saved, with the inbox address that applies it. */
    record SavedTaskFilter(long id, String name, Stage stage, String partnerCountry, String q, String sort) {

        @JsonProperty("link")
        public String link() {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath("/tasks");
            if (stage != null) {
                link.queryParam("stage", stage.name());
            }
            if (partnerCountry != null) {
                link.queryParam("partnerCountry", partnerCountry);
            }
            if (q != null) {
                link.queryParam("q", q);
            }
            if (!InboxSort.DUE.parameter().equals(sort)) {
                link.queryParam("sort", sort);
            }
            return link.encode().build().toUriString();
        }
    }

    /** A filter to save, as the API and the page send it: texts, each checked and named when wrong. */
    record NewFilter(String name, String stage, String partnerCountry, String q, String sort) {
    }

    private final JdbcClient jdbc;
    private final PartnerCountries partnerCountries;
    private final Clock clock;

    SavedTaskFilters(JdbcClient jdbc, PartnerCountries partnerCountries, Clock clock) {
        this.jdbc = jdbc;
        this.partnerCountries = partnerCountries;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<SavedTaskFilter> of(CurrentUser user) {
        return jdbc.sql("""
                        select id, name, stage, partner_country, query, sort from saved_task_filter
                        where username = ? order by lower(name), id""")
                .param(user.username()).query(SavedTaskFilters::filter).list();
    }

    @Transactional
    SavedTaskFilter save(NewFilter filter, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = trimmed(filter.name());
        if (name == null) {
            problems.add(FieldProblem.coded("name", "is required", "required"));
        } else if (name.length() > NAME_LENGTH) {
            problems.add(FieldProblem.coded("name", "must be at most " + NAME_LENGTH + " characters", "maxLength",
                    NAME_LENGTH));
        }
        Stage stage = null;
        String stageName = trimmed(filter.stage());
        if (stageName != null) {
            stage = Arrays.stream(Stage.values()).filter(s -> s.name().equals(stageName)).findFirst().orElse(null);
            if (stage == null) {
                problems.add(FieldProblem.coded("stage", "is no stage of a case", "choice"));
            }
        }
        String country = trimmed(filter.partnerCountry());
        if (country != null && !partnerCountries.exists(country)) {
            problems.add(FieldProblem.coded("partnerCountry", "is no partner country", "notPartnerCountry"));
        }
        String query = trimmed(filter.q());
        if (query != null && query.length() > QUERY_LENGTH) {
            problems.add(FieldProblem.coded("q", "must be at most " + QUERY_LENGTH + " characters", "maxLength",
                    QUERY_LENGTH));
        }
        InboxSort sort = InboxSort.DUE;
        try {
            sort = InboxSort.of(filter.sort());
        } catch (InvalidInput unknown) {
            problems.addAll(unknown.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long saved = jdbc.sql("select count(*) from saved_task_filter where username = ?").param(user.username())
                .query(Long.class).single();
        if (saved >= PER_PERSON) {
            throw Problem.conflict("You have " + PER_PERSON + " saved filters already; delete one first.",
                    "tooManyFilters", PER_PERSON);
        }
        try {
            long id = jdbc.sql("""
                            insert into saved_task_filter (username, name, stage, partner_country, query, sort, saved_at)
                            values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(user.username(), name, stage == null ? null : stage.name(), country, query,
                            sort.parameter(), Timestamp.from(clock.instant()))
                    .query(Long.class).single();
            return new SavedTaskFilter(id, name, stage, country, query, sort.parameter());
        } catch (DuplicateKeyException taken) {
            throw new InvalidInput(List.of(FieldProblem.coded("name", "is the name of another of your filters",
                    "filterNameTaken")));
        }
    }

    /** Deletes one of the person's filters; another person's is none of theirs (404). */
    @Transactional
    void delete(long id, CurrentUser user) {
        int deleted = jdbc.sql("delete from saved_task_filter where id = ? and username = ?")
                .params(id, user.username()).update();
        if (deleted == 0) {
            throw Problem.notFound("No saved filter " + id, "noSavedFilter");
        }
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static SavedTaskFilter filter(ResultSet rs, int row) throws SQLException {
        String stage = rs.getString(3);
        return new SavedTaskFilter(rs.getLong(1), rs.getString(2), stage == null ? null : Stage.valueOf(stage),
                rs.getString(4), rs.getString(5), rs.getString(6));
    }
}
