package org.jcmflow.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

/**
 * Errors that happen before any controller (a request the firewall rejects, a refusal by the security filters)
 * reach Spring Boot's error controller. Pages get the portal's error page ({@link ErrorPages}); everyone else gets
 * the same problem+json as the API's own errors, instead of Spring Boot's JSON of another shape.
 */
@Controller
class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> pages) {
        super(errorAttributes, server.getError(), pages);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is not valid: its address, headers or body cannot be read.";
            case UNAUTHORIZED -> "Authentication is required.";
            case FORBIDDEN -> "You may not do this.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method.";
            case PAYLOAD_TOO_LARGE -> "The request is larger than the server accepts.";
            default -> status.is5xxServerError() ? "An unexpected error occurred; it has been logged."
                    : status.getReasonPhrase();
        };
    }
}
