package org.jcmflow.identity;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/** A 401 on the API is a problem document like every other API error, with the challenge of the identity mode. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final String REALM = "JCM Flow";

    private final ObjectMapper json;
    private final AuthenticationEntryPoint challenge;

    private ProblemAuthenticationEntryPoint(ObjectMapper json, AuthenticationEntryPoint challenge) {
        this.json = json;
        this.challenge = challenge;
    }

    static ProblemAuthenticationEntryPoint basic(ObjectMapper json) {
        return new ProblemAuthenticationEntryPoint(json,
                (request, response, failure) -> response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\""));
    }

    /** RFC 6750's challenge, which tells the client why its token was refused (error="invalid_token", ...). */
    static ProblemAuthenticationEntryPoint bearer(ObjectMapper json) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        bearer.setRealmName(REALM);
        return new ProblemAuthenticationEntryPoint(json, bearer);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        // The bearer challenge may choose another status (400 for a malformed request), which the document follows.
        challenge.commence(request, response, failure);
        HttpStatus status = HttpStatus.valueOf(response.getStatus());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "Authentication is required: log in or send valid credentials.");
        problem.setTitle(status.getReasonPhrase());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
