package org.jcmflow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jcmflow.identity.CurrentUsers;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the shared layout needs on every page: who is signed in and how to switch the language. */
@ControllerAdvice(annotations = PageController.class)
class PageLayout {

    private final CurrentUsers currentUsers;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    PageLayout(CurrentUsers currentUsers) {
        this.currentUsers = currentUsers;
    }

    @ModelAttribute("me")
    PortalUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return trust.isAuthenticated(authentication) ? PortalUser.of(currentUsers.current()) : null;
    }

    /** The current page in each language: the same address with {@code lang} set. */
    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String language : PortalLanguages.SUPPORTED) {
            // relative, and from the query string as the browser sent it, already encoded
            links.put(language, UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                    .replaceQueryParam(PortalLanguages.PARAMETER, language).build().toUriString());
        }
        return links;
    }
}
