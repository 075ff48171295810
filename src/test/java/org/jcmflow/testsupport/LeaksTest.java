package org.jcmflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeaksTest {

    @Test
    void aCsrfTokenThatHappensToHoldSqlIsNoLeak() {
        String page = """
                <form class="logout" action="/logout" method="post">
                <input type="hidden" name="_csrf" value="q3ZxSQLr0pV-_aZ9f1kKXy3mT8Hn2bWcE4uJd6gRiOoLsAe7vYtPwN5hMjCxDqUlFzGy1IkB0rSaQ_9Vn2eT3oXp"/>
                </form>
                <form action="/cases/1/documents?_csrf=AbSQLc-d_9Exception0" method="post"></form>""";

        assertThat(Leaks.shownIn(page)).isEmpty();
    }

    @Test
    void sqlOrAStackTraceOutsideTheTokensIsALeak() {
        String page = """
                <input type="hidden" name="_csrf" value="abc"/>
                <p>ERROR: syntax error at or near "drop" (SQL state 42601)</p>
                <pre>org.postgresql.util.PSQLException</pre>""";

        assertThat(Leaks.shownIn(page)).contains("SQL", "syntax error at", "org.postgresql", "Exception");
    }
}
