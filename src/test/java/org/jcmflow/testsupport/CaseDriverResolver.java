package org.jcmflow.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.StringUtils;

/**
 * Gives an {@link ApplicationTest} the {@link CaseDriver} of the application under test, to a parameter of its
 * constructor or of a test or lifecycle method: on the port the application listens on, with the demo users and
 * their passwords, or in Keycloak mode ({@link KeycloakApplicationTest}) with an access token of each user from the
 * shared test Keycloak.
 */
public final class CaseDriverResolver implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CaseDriver.class;
    }

    @Override
    public CaseDriver resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Environment environment = SpringExtension.getApplicationContext(context).getEnvironment();
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        if (keycloakMode(environment)) {
            KeycloakServer keycloak = KeycloakServer.shared();
            return new CaseDriver(username -> ApiClient.withToken(port, keycloak.accessToken(username)));
        }
        return new CaseDriver(port);
    }

    /** As the application decides it (IdentityMode): the profile, or an issuer. */
    private static boolean keycloakMode(Environment environment) {
        return environment.matchesProfiles("keycloak")
                || StringUtils.hasText(environment.getProperty("jcm.keycloak.issuer"));
    }
}
