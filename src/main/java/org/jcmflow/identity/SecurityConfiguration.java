package org.jcmflow.identity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The default identity mode: users held by the application, HTTP Basic on the APIs, a login page in the
 * browser. Nothing but health and the login page is open anonymously.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.groupId();

    /** Our API and Camunda's REST API: stateless, HTTP Basic, 401 instead of a redirect to the login page. */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint) throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/engine-rest/**")).hasRole(ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Pages, the Camunda webapps and the API docs: a session after logging in on the login page. */
    @Bean
    @Order(2)
    SecurityFilterChain browserSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health/**"), path("/login"), path("/error")).permitAll()
                        .requestMatchers(path("/assets/**")).permitAll()
                        .requestMatchers(path("/actuator/**")).hasRole(ADMIN)
                        // With Camunda's authorizations off, its webapps can read and complete any task,
                        // past our rules of organisation and role: they are for operators only.
                        .requestMatchers(path("/camunda/**")).hasRole(ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                // The Camunda webapps protect themselves against CSRF with their own filter and header.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
                .build();
    }

    /**
     * Matches the whole path below the context path. Camunda's REST API and webapps are servlets of their
     * own, where Spring MVC's default matchers would only see the path within the servlet.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService demoUsers(@Value("${jcm.identity.realm-file}") Resource realmFile, ObjectMapper json,
                                 PasswordEncoder passwordEncoder) throws IOException {
        List<UserDetails> users = new ArrayList<>();
        for (DemoUsers.DemoUser user : DemoUsers.readRealm(realmFile, json).users()) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
            if (user.organization() != null) {
                authorities.add(new OrganizationAuthority(user.organization()));
            }
            users.add(User.withUsername(user.username())
                    .password(passwordEncoder.encode(user.password()))
                    .authorities(authorities)
                    // a user without a role may not do anything, so may not log in either
                    .disabled(user.roles().isEmpty())
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }
}
