package org.jcmflow.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The default identity mode: users held by the application, HTTP Basic on the APIs, a login page in the
 * browser; password guessing held back by the {@link LoginThrottle}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(IdentityMode.KeycloakOff.class)
@EnableConfigurationProperties(LoginThrottle.Settings.class)
class DemoUserIdentity implements IdentityMode {

    private final ProblemAuthenticationEntryPoint entryPoint;
    private final LoginThrottle throttle;
    private final ObjectMapper json;

    DemoUserIdentity(ObjectMapper json, LoginThrottle.Settings throttleSettings) {
        this.entryPoint = ProblemAuthenticationEntryPoint.basic(json);
        this.throttle = new LoginThrottle(throttleSettings, Clock.systemUTC());
        this.json = json;
    }

    /** A bean, so that it hears of every failed and successful sign-in. */
    @Bean
    LoginThrottle loginThrottle() {
        return throttle;
    }

    @Override
    public void authenticateApiCallers(HttpSecurity http) throws Exception {
        http
                .addFilterBefore(new LoginThrottleFilter(throttle, json), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint));
    }

    @Override
    public void authenticateBrowserUsers(HttpSecurity http) throws Exception {
        http
                .addFilterBefore(new LoginThrottleFilter(throttle, json), UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    }

    @Bean
    LoginPage loginPage() {
        return LoginPage.withPassword();
    }

    /**
     * BCrypt at its lowest cost. The API is stateless, so every request with HTTP Basic checks the password again:
     * at BCrypt's default cost that check took longer than the work of most requests. The demo users' password is
     * published in the README, so a slower hash of it protects nothing; people with secret passwords sign in at
     * Keycloak, whose tokens are checked by signature. A password found right is remembered (RememberedPasswords):
     * the next requests with it skip BCrypt.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberedPasswords(
                new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4))));
    }

    @Bean
    UserDirectory userDirectory(@Value("${jcm.identity.realm-file}") Resource realmFile, ObjectMapper json)
            throws IOException {
        return new DemoUserDirectory(DemoUsers.readRealm(realmFile, json));
    }

    @Bean
    UserDetailsService demoUsers(@Value("${jcm.identity.realm-file}") Resource realmFile, ObjectMapper json,
                                 PasswordEncoder passwordEncoder) throws IOException {
        List<UserDetails> users = new ArrayList<>();
        for (DemoUsers.DemoUser user : DemoUsers.readRealm(realmFile, json).users()) {
            users.add(User.withUsername(user.username())
                    .password(passwordEncoder.encode(user.password()))
                    .authorities(new CurrentUser(user.username(), Set.copyOf(user.roles()), user.organization())
                            .authorities())
                    // a user without a role may not do anything, so may not log in either
                    .disabled(user.roles().isEmpty())
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }
}
