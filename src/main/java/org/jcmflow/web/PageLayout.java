package org.jcmflow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.Organizations;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the shared layout needs on every page: who is signed in and how to switch the language. Page
 * controllers get it as model attributes; error pages, which no page controller renders, through
 * {@link #addTo}.
 */
@ControllerAdvice(annotations = PageController.class)
class PageLayout {

    private final CurrentUsers currentUsers;
    private final Organizations organizations;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    PageLayout(CurrentUsers currentUsers, Organizations organizations) {
        this.currentUsers = currentUsers;
        this.organizations = organizations;
    }

    @ModelAttribute("me")
    PortalUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return trust.isAuthenticated(authentication) ? PortalUser.of(currentUsers.current(), organizations) : null;
    }

    /**
     * The current page in each language: the same address with {@code lang} set. On an error page that the
     * servlet container forwarded to, the address the browser asked for, not the error page's own.
     */
    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failedUri != null ? failedUri.toString() : request.getRequestURI();
        Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String query = failedUri != null && forwardedQuery != null ? forwardedQuery.toString()
                : request.getQueryString();
        Map<String, String> links = new LinkedHashMap<>();
        for (String language : PortalLanguages.SUPPORTED) {
            // relative, and from the query string as the browser sent it, already encoded
            links.put(language, UriComponentsBuilder.fromPath(uri).query(query)
                    .replaceQueryParam(PortalLanguages.PARAMETER, language).build().toUriString());
        }
        return links;
    }

    /** The address of the page being read, without its query: on an error page, the address the browser asked for. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return failedUri != null ? failedUri.toString() : request.getRequestURI();
    }

    /** The layout's model for a page that no page controller renders, such as an error page. */
    void addTo(Map<String, Object> model, HttpServletRequest request) {
        model.put("me", me());
        model.put("languageLinks", languageLinks(request));
        model.put("currentPath", currentPath(request));
    }
}
