package org.jcmflow.web;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * An error the API reports as a problem document with the given status. The detail is the API's English
 * text; an error that pages show may carry a message code ({@code problem.<code>} in the messages) and its
 * arguments, so that the page says it in the reader's language.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Object[] arguments;

    protected ApiException(HttpStatus status, String detail, String code, Object... arguments) {
        super(detail);
        this.status = status;
        this.code = code;
        this.arguments = arguments;
    }

    public HttpStatus status() {
        return status;
    }

    /** The detail in the reader's language where the messages have it, else the English detail. */
    public MessageSourceResolvable localizable() {
        return localizable(code, arguments, getMessage());
    }

    static MessageSourceResolvable localizable(String code, Object[] arguments, String english) {
        String[] codes = code == null ? new String[0] : new String[] {"problem." + code};
        return new DefaultMessageSourceResolvable(codes, arguments, english);
    }

    public static ApiException notFound(String detail, String code, Object... arguments) {
        return new ApiException(HttpStatus.NOT_FOUND, detail, code, arguments);
    }

    public static ApiException forbidden(String detail, String code, Object... arguments) {
        return new ApiException(HttpStatus.FORBIDDEN, detail, code, arguments);
    }

    public static ApiException conflict(String detail, String code, Object... arguments) {
        return new ApiException(HttpStatus.CONFLICT, detail, code, arguments);
    }

    public static ApiException notFound(String detail) {
        return notFound(detail, null);
    }

    public static ApiException forbidden(String detail) {
        return forbidden(detail, null);
    }

    public static ApiException conflict(String detail) {
        return conflict(detail, null);
    }
}
