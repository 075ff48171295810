package org.jcmflow.web;

import java.util.Locale;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.Problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of a page become the error page in the reader's language, with the status they would have on the
 * API. Ordered before the API's problem+json handling, which would otherwise answer a browser with JSON.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    static final String VIEW = "error";

    private final MessageSource messages;
    private final PageLayout layout;
    private final ObjectProvider<DataSource> dataSource;

    PageErrors(MessageSource messages, PageLayout layout, ObjectProvider<DataSource> dataSource) {
        this.messages = messages;
        this.layout = layout;
        this.dataSource = dataSource;
    }

    @ExceptionHandler(Problem.class)
    ModelAndView apiError(Problem e, HttpServletRequest request, HttpServletResponse response,
                          Locale locale) {
        // a bad value in the address, such as an unknown sort order: say what was wrong with it
        String detail = e instanceof InvalidInput invalid
                ? invalid.problems().stream().map(problem -> messages.getMessage(problem.localizable(), locale))
                        .distinct().collect(Collectors.joining(" "))
                : messages.getMessage(e.localizable(), locale);
        return page(ProblemDocuments.statusOf(e.kind()), detail, request, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView accessDenied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, null, request, response);
    }

    /** A malformed id in the address, or a filter value that is none of the choices. */
    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView typeMismatch(TypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, null, request, response);
    }

    /** An upload cut short or without its boundary; one over the size limit gets its own message on its page. */
    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadableUpload(MultipartException e, HttpServletRequest request, HttpServletResponse response,
                                  Locale locale) {
        return page(HttpStatus.BAD_REQUEST, messages.getMessage("problem.unreadableUpload", null, locale), request,
                response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        // Spring's own errors (a malformed id in the path, a wrong parameter type) know their status
        if (e instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            return page(known.getStatusCode(), null, request, response);
        }
        if (DatabaseUnavailable.explains(e, dataSource.getIfAvailable())) {
            log.warn("The database is unavailable: {}", e.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            return page(HttpStatus.SERVICE_UNAVAILABLE, null, request, response);
        }
        log.error("Unexpected error on a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null, request, response);
    }

    /** The same view and model as Spring Boot's error page, which shows the errors outside controllers. */
    private ModelAndView page(HttpStatusCode status, String detail, HttpServletRequest request,
                              HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView(VIEW);
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        // an exception handler's model does not get the advice's model attributes: the layout needs them
        layout.addTo(page.getModel(), request);
        return page;
    }
}
