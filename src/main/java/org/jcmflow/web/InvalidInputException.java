package org.jcmflow.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/** Input that breaks the rules of a form or request body; each bad field is named. */
public class InvalidInputException extends ApiException {

    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, "Invalid " + (problems.size() == 1 ? "field: " : "fields: ")
                + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
