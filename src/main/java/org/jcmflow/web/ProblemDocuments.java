package org.jcmflow.web;

import java.util.List;

import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jcmflow.problem.Problem;
import org.jcmflow.problem.ProblemKind;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one place where a kind of {@link Problem} becomes an HTTP status and a problem+json document. */
public final class ProblemDocuments {

    private ProblemDocuments() {
    }

    public static HttpStatus statusOf(ProblemKind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    /** The document the API answers with; invalid input names each bad field under {@code errors}. */
    public static ProblemDetail of(Problem problem) {
        if (problem instanceof InvalidInput invalid) {
            return invalid(statusOf(problem.kind()), problem.getMessage(), invalid.problems());
        }
        HttpStatus status = statusOf(problem.kind());
        ProblemDetail document = ProblemDetail.forStatusAndDetail(status, problem.getMessage());
        document.setTitle(status.getReasonPhrase());
        return document;
    }

    /** 400 with each bad field under {@code errors}, for input refused before it reaches domain code. */
    public static ProblemDetail invalid(String detail, List<FieldProblem> problems) {
        return invalid(HttpStatus.BAD_REQUEST, detail, problems);
    }

    private static ProblemDetail invalid(HttpStatus status, String detail, List<FieldProblem> problems) {
        ProblemDetail document = ProblemDetail.forStatusAndDetail(status, detail);
        document.setTitle("Invalid input");
        document.setProperty("errors", problems);
        return document;
    }
}
