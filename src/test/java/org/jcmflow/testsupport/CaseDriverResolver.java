package org.jcmflow.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.context.ApplicationContext;
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
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        Environment environment = application.getEnvironment();
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        CaseDriver driver;
        if (keycloakMode(environment)) {
            KeycloakServer keycloak = KeycloakServer.shared();
            driver = new CaseDriver(username -> ApiClient.withToken(port, keycloak.accessToken(username)));
        } else {
            driver = new CaseDriver(port);
        }
        return driver.withPublicInputsRunningOut(caseId -> PublicInputTimers.runOut(application, caseId));
    }

    /** As the application decides it (IdentityMode): the profile, or an issuer. */
    private static boolean keycloakMode(Environment environment) {
        return environment.matchesProfiles("keycloak")
                || StringUtils.hasText(environment.getProperty("jcm.keycloak.issuer"));
    }
}
