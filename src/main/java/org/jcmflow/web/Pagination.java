package org.jcmflow.web;

import java.util.List;

import org.jcmflow.problem.InvalidInput;

import jakarta.servlet.http.HttpServletRequest;
import org.jcmflow.problem.InvalidInput.FieldProblem;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pager under a list: which page of how many, and the links to the neighbouring pages, which keep the
 * list's filters from the current address.
 *
 * @param page zero-based, as the API counts
 */
public record Pagination(int page, int size, long totalElements, long totalPages, boolean totalIsLowerBound,
                         String previousUrl, String nextUrl) {

    public static Pagination of(HttpServletRequest request, int page, int size, long totalElements) {
        return of(request, page, size, totalElements, false);
    }

    /** With a total that may be a lower bound: the list counted only so far ("1,000 or more"). */
    public static Pagination of(HttpServletRequest request, int page, int size, long totalElements,
                                boolean totalIsLowerBound) {
        long totalPages = Math.max(1, (totalElements + size - 1) / size);
        return new Pagination(page, size, totalElements, totalPages, totalIsLowerBound,
                page > 0 ? link(request, page - 1) : null,
                page + 1 < totalPages || totalIsLowerBound ? link(request, page + 1) : null);
    }

    /**
     * Where a page starts in its list. The engine counts rows in an int: a page whose end lies beyond that is no
     * page of any list, and is refused as a bad {@code page} rather than reaching the database as a negative offset.
     */
    public static int offset(int page, int size) {
        long offset = (long) page * size;
        if (page < 0 || offset + size > Integer.MAX_VALUE) {
            throw new InvalidInput(List.of(FieldProblem.coded("page", "is beyond the end of any list",
                    "pageOutOfRange")));
        }
        return (int) offset;
    }

    private static String link(HttpServletRequest request, int page) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("page", page).build().toUriString();
    }
}
