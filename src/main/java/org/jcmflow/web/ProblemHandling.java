package org.jcmflow.web;

import java.util.List;

import javax.sql.DataSource;

import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.Problem;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error leaves as RFC 9457 problem+json; invalid input names each bad field under {@code errors}. */
@RestControllerAdvice(basePackages = "org.jcmflow")
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final ObjectProvider<DataSource> dataSource;

    ProblemHandling(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return ProblemDocuments.of(e);
    }

    @ExceptionHandler(Problem.class)
    ProblemDetail apiError(Problem e) {
        return ProblemDocuments.of(e);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle(HttpStatus.FORBIDDEN.getReasonPhrase());
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid("Invalid parameter: " + e.getName(), List.of(new InvalidInput.FieldProblem(e.getName(),
                "is not a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()))));
    }

    /** A multipart body cut short or without its boundary: the file cannot be read, nothing is stored. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableUpload(MultipartException e) {
        return invalid("The upload cannot be read.", List.of(new InvalidInput.FieldProblem("file",
                "is not a readable multipart/form-data upload")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.explains(e, dataSource.getIfAvailable())) {
            log.warn("The database is unavailable: {}", e.getMessage());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database is not available at the moment; please try again later.");
            problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                    .body(problem);
        }
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        problem.setTitle(HttpStatus.INTERNAL_SERVER_ERROR.getReasonPhrase());
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidInput.FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidInput.FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        ProblemDetail body = invalid("Invalid fields: " + String.join(", ",
                problems.stream().map(InvalidInput.FieldProblem::field).distinct().toList()), problems);
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidInput.FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new InvalidInput.FieldProblem(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return handleExceptionInternal(e, invalid("Invalid parameters", problems), headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A multipart body over the container's upload limit where no handler of the upload's own answers for it
     * (the documents' does, with their limit): 413 like every upload over a limit, with the file named.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDocuments.of(InvalidInput.tooLarge(new InvalidInput.FieldProblem("file",
                "is larger than the upload limit")));
        return handleExceptionInternal(e, body, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body;
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            String message = mapping instanceof StrictRequestInput.ControlCharactersException
                    ? StrictRequestInput.CONTROL_CHARACTERS_MESSAGE
                    : mapping instanceof UnrecognizedPropertyException ? "is not a known field"
                    : mapping instanceof InvalidFormatException || mapping instanceof MismatchedInputException
                    ? "has the wrong type" : "is invalid";
            body = invalid("Invalid field: " + field, List.of(new InvalidInput.FieldProblem(field, message)));
        } else {
            body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
            body.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        }
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String fieldPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ProblemDetail invalid(String detail, @Nullable List<InvalidInput.FieldProblem> problems) {
        return ProblemDocuments.invalid(detail, problems);
    }
}
