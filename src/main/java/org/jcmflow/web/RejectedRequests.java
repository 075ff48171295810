package org.jcmflow.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's firewall refuses addresses that could slip past the rules on paths ({@code //engine-rest},
 * {@code /./camunda}, encoded dots and the like), anonymous or not. Such a request is a bad request: 400 with the
 * same short answer as Tomcat's own refusals ({@link RejectedRequestReport}), and one line in the log instead of
 * an error with its stack. The same firewall also runs as the first filter: Spring Security's filters parse the
 * path against the servlet's before their firewall looks at it, and a path such as {@code //engine-rest/task} fails
 * that parsing with a server error.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    /** After the observation filter, so that refused requests are counted in the metrics too. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> firewallFirst() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        try {
                            firewall.getFirewalledRequest(request);
                        } catch (RequestRejectedException rejected) {
                            handle(request, response, rejected);
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.info("Refused {} from {}: {}", request.getMethod(), request.getRemoteAddr(),
                printable(rejected.getMessage()));
        if (response.isCommitted()) {
            return;
        }
        boolean api = RejectedRequestReport.wantsProblem(request.getRequestURI(), request.getHeader("Accept"));
        byte[] body = RejectedRequestReport.body(HttpServletResponse.SC_BAD_REQUEST, api)
                .getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(api ? "application/problem+json" : "text/html");
        response.setContentLength(body.length);
        // the security filters, which would add these, never ran
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The firewall's message quotes what it found in the address: no line breaks of the caller's into the log. */
    private static String printable(String message) {
        return message == null ? "" : message.replaceAll("\\p{Cntrl}", "?");
    }
}
