package org.jcmflow.web;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Input that breaks the rules of a form or request body; each bad field is named. */
public class InvalidInputException extends ApiException {

    /**
     * One bad field. {@code message} is the API's English text; pages say the same in the reader's language
     * through the message {@code problem.<code>} with the arguments, and fall back to the English text.
     */
    public record FieldProblem(String field, String message, @JsonIgnore String code,
                               @JsonIgnore List<Object> arguments) {

        public FieldProblem(String field, String message) {
            this(field, message, null, List.of());
        }

        public static FieldProblem coded(String field, String message, String code, Object... arguments) {
            return new FieldProblem(field, message, code, Arrays.asList(arguments));
        }

        public MessageSourceResolvable localizable() {
            return ApiException.localizable(code, arguments.toArray(), message);
        }
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        this(HttpStatus.BAD_REQUEST, problems);
    }

    private InvalidInputException(HttpStatus status, List<FieldProblem> problems) {
        super(status, "Invalid " + (problems.size() == 1 ? "field: " : "fields: ")
                + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()), "invalidInput");
        this.problems = List.copyOf(problems);
    }

    /** Input refused for its size alone, such as an upload over the limit: 413, named like any other. */
    public static InvalidInputException tooLarge(FieldProblem problem) {
        return new InvalidInputException(HttpStatus.PAYLOAD_TOO_LARGE, List.of(problem));
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The problem document the API answers with: 400 (413 for a size), each bad field under {@code errors}. */
    public ProblemDetail toProblemDetail() {
        return problemDetail(status(), getMessage(), problems);
    }

    static ProblemDetail problemDetail(String detail, List<FieldProblem> problems) {
        return problemDetail(HttpStatus.BAD_REQUEST, detail, problems);
    }

    private static ProblemDetail problemDetail(HttpStatus status, String detail, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", problems);
        return problem;
    }
}
