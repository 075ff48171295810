package org.jcmflow.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in (HTTP Basic, or the login form) that the {@link LoginThrottle} holds back, before the password
 * is checked, so that the right password does not get through either: 429 with {@code Retry-After} as problem+json,
 * or back to the login page with its message. Which sign-ins failed, the throttle learns from Spring Security's
 * authentication events.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private static final RequestMatcher LOGIN_FORM = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/login");

    private final LoginThrottle throttle;
    private final ObjectMapper json;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = LOGIN_FORM.matches(request);
        String username = form ? request.getParameter("username") : basicUsername(request);
        Optional<Duration> wait = username == null ? Optional.empty()
                : throttle.refusedFor(username, request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
        } else if (form) {
            response.sendRedirect(request.getContextPath() + "/login?throttled");
        } else {
            refuse(response, wait.get());
        }
    }

    private String basicUsername(HttpServletRequest request) {
        try {
            UsernamePasswordAuthenticationToken credentials = basic.convert(request);
            return credentials == null ? null : credentials.getName();
        } catch (AuthenticationException malformed) {
            return null; // the Basic filter answers for a header it cannot read
        }
    }

    private void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed sign-ins: try again in " + seconds + " seconds.");
        problem.setTitle(HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
