package org.jcmflow.testsupport;

import java.util.List;
import java.util.regex.Pattern;

/** What no answer may show: the insides of the application, such as a stack trace or a piece of SQL. */
public final class Leaks {

    private static final List<String> WORDS = List.of("Exception", "at org.", "at java.", "SQL", "syntax error at",
            "insert into", "from project_case", "from act_", "org.postgresql", "org.camunda.bpm.engine.impl",
            "Caused by", "Whitelabel", "\"trace\"");

    /**
     * A page's CSRF token is 96 random characters of base64, printed in its forms and upload addresses: about one
     * token in 2,800 holds "SQL" by chance, which is no leak. The suite sends hundreds of pages.
     */
    private static final Pattern CSRF_TOKEN = Pattern.compile("(name=\"_csrf\" value=\"|_csrf=)[A-Za-z0-9_=+/-]*");

    private Leaks() {
    }

    /** The words of {@link #WORDS} that the answer shows, outside its CSRF tokens. */
    public static List<String> shownIn(String answer) {
        String shown = CSRF_TOKEN.matcher(answer).replaceAll("$1");
        return WORDS.stream().filter(shown::contains).toList();
    }
}
