package org.jcmflow.identity;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what, in every identity mode: nothing but health and the login page is open anonymously. How
 * callers authenticate is the {@link IdentityMode}'s business.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.groupId();

    /**
     * The portal's pages load scripts, styles and images from the application only, none of them inline; Chart.js
     * styles its canvases from script, which a policy without inline styles allows. No form-action: logging out
     * in Keycloak mode posts to a redirect to Keycloak.
     */
    static final String PAGE_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";

    /** Swagger UI, the API's documentation: the same, except the inline styles its scripts write. */
    static final String API_DOCS_CONTENT_SECURITY_POLICY = PAGE_CONTENT_SECURITY_POLICY
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    /** API answers are data: nothing in them may run or be framed. */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private static final String[] TASKLIST_ROLES = Stream.concat(
            CamundaWebappAuthorizations.TASKLIST_ROLES.stream(), Stream.of(Role.ADMIN)).map(Role::groupId)
            .toArray(String[]::new);

    /** Our API and Camunda's REST API: stateless, 401 instead of a redirect to the login page. */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityMode identity, ObjectMapper json) throws Exception {
        http
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/engine-rest/**")).hasRole(ADMIN)
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // after authorization, so that only callers who may be here get their uploads read
                .addFilterAfter(UnreadableUploadFilter.forApi(json), AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        identity.authenticateApiCallers(http);
        // After the identity mode's settings, which may bring an access-denied handler of their own.
        http.exceptionHandling(errors -> errors.accessDeniedHandler(new ProblemAccessDeniedHandler(json)));
        return http.build();
    }

    /** Pages, the Camunda webapps and the API docs: a session after logging in. */
    @Bean
    @Order(2)
    SecurityFilterChain browserSecurity(HttpSecurity http, IdentityMode identity) throws Exception {
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health/**"), path("/login"), path("/error")).permitAll()
                        .requestMatchers(path("/assets/**")).permitAll()
                        .requestMatchers(path("/actuator/**")).hasRole(ADMIN)
                        // Camunda's own login, with a password of Camunda's: the portal's login replaces it.
                        .requestMatchers(path("/camunda/api/admin/auth/user/*/login/**")).denyAll()
                        // Tasklist and what it calls, for the roles that work there: Camunda's authorizations
                        // narrow that down to the tasks of their candidate groups (CamundaWebappAuthorizations),
                        // the engine API answers them only the reads and task actions Tasklist needs
                        // (tasks.TasklistEngineApiAllowList), and the engine holds their work to our rules
                        // (tasks.TasklistWorkGuard, tasks.VariableWriteGuard).
                        .requestMatchers(path("/camunda/app/tasklist/**"), path("/camunda/api/tasklist/**"),
                                path("/camunda/api/engine/**"), path("/camunda/api/admin/auth/user/**"),
                                path("/camunda/lib/**"), path("/camunda/assets/**"), path("/camunda/favicon.ico"))
                        .hasAnyRole(TASKLIST_ROLES)
                        // Cockpit, Admin and the rest of Camunda's surfaces: operators only.
                        .requestMatchers(path("/camunda/**")).hasRole(ADMIN)
                        .anyRequest().authenticated())
                // The Camunda webapps protect themselves against CSRF with their own filter and header.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
                .addFilterBefore(UnreadableUploadFilter.forPages(), CsrfFilter.class)
                // Spring Security's defaults add no-sniff and frame denial; the Camunda webapps send a content
                // security policy of their own, which their scripts need.
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(
                                new OrRequestMatcher(path("/camunda/**"), path("/swagger-ui/**"))),
                                new ContentSecurityPolicyHeaderWriter(PAGE_CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(path("/swagger-ui/**"),
                                new ContentSecurityPolicyHeaderWriter(API_DOCS_CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        identity.authenticateBrowserUsers(http);
        return http.build();
    }

    /**
     * Matches the whole path below the context path. Camunda's REST API and webapps are servlets of their
     * own, where Spring MVC's default matchers would only see the path within the servlet.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
