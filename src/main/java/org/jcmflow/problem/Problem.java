package org.jcmflow.problem;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A refusal that domain code throws: its kind, the API's English detail, and for pages a message code
 * ({@code problem.<code>} in the messages) with its arguments, so that a page says it in the reader's language.
 * It names no HTTP status: {@code web} maps kinds to statuses.
 */
public class Problem extends RuntimeException {

    private final ProblemKind kind;
    private final String code;
    private final Object[] arguments;

    protected Problem(ProblemKind kind, String detail, String code, Object... arguments) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.arguments = arguments;
    }

    public ProblemKind kind() {
        return kind;
    }

    /** The detail in the reader's language where the messages have it, else the English detail. */
    public MessageSourceResolvable localizable() {
        return localizable(code, arguments, getMessage());
    }

    static MessageSourceResolvable localizable(String code, Object[] arguments, String english) {
        String[] codes = code == null ? new String[0] : new String[] {"problem." + code};
        return new DefaultMessageSourceResolvable(codes, arguments, english);
    }

    public static Problem notFound(String detail, String code, Object... arguments) {
        return new Problem(ProblemKind.NOT_FOUND, detail, code, arguments);
    }

    public static Problem forbidden(String detail, String code, Object... arguments) {
        return new Problem(ProblemKind.FORBIDDEN, detail, code, arguments);
    }

    public static Problem conflict(String detail, String code, Object... arguments) {
        return new Problem(ProblemKind.CONFLICT, detail, code, arguments);
    }

    public static Problem notFound(String detail) {
        return notFound(detail, null);
    }

    public static Problem forbidden(String detail) {
        return forbidden(detail, null);
    }

    public static Problem conflict(String detail) {
        return conflict(detail, null);
    }
}
