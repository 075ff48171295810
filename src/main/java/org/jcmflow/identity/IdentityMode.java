package org.jcmflow.identity;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.util.StringUtils;

/**
 * How callers prove who they are. {@link SecurityConfiguration} decides what each of them may reach, the same
 * in every mode; a mode only says how they authenticate: the demo users held by the application (the default,
 * {@link DemoUserIdentity}) or Keycloak ({@link KeycloakIdentity}), switched on by the profile
 * {@code keycloak} or by an issuer ({@code JCM_KEYCLOAK_ISSUER}).
 */
interface IdentityMode {

    String KEYCLOAK_PROFILE = "keycloak";

    /** Our API and Camunda's REST API: stateless, each request carries its credentials; 401 as problem+json. */
    void authenticateApiCallers(HttpSecurity http) throws Exception;

    /** Pages, the Camunda webapps and the API docs: a login that the session keeps. */
    void authenticateBrowserUsers(HttpSecurity http) throws Exception;

    static boolean keycloak(Environment environment) {
        return environment.matchesProfiles(KEYCLOAK_PROFILE)
                || StringUtils.hasText(environment.getProperty("jcm.keycloak.issuer"));
    }

    final class KeycloakOn implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return keycloak(context.getEnvironment());
        }
    }

    final class KeycloakOff implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !keycloak(context.getEnvironment());
        }
    }
}
