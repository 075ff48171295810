package org.jcmflow.problem;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.context.MessageSourceResolvable;

/** Input that breaks the rules of a form or request body; each bad field is named. */
public class InvalidInput extends Problem {

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
            return Problem.localizable(code, arguments.toArray(), message);
        }
    }

    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        this(ProblemKind.INVALID, problems);
    }

    private InvalidInput(ProblemKind kind, List<FieldProblem> problems) {
        super(kind, "Invalid " + (problems.size() == 1 ? "field: " : "fields: ")
                + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()), "invalidInput");
        this.problems = List.copyOf(problems);
    }

    /** Input refused for its size alone, such as an upload over the limit: 413, named like any other. */
    public static InvalidInput tooLarge(FieldProblem problem) {
        return new InvalidInput(ProblemKind.TOO_LARGE, List.of(problem));
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
