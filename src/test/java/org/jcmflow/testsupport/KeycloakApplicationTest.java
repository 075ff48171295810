package org.jcmflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application in Keycloak mode, against the shared test Keycloak ({@link KeycloakServer}), on a fresh
 * embedded PostgreSQL of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationTest
@ContextConfiguration(initializers = KeycloakApplicationTest.KeycloakMode.class)
public @interface KeycloakApplicationTest {

    /** Starts the Keycloak before the application, which is told its issuer and its client's secret. */
    class KeycloakMode implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "jcm.keycloak.issuer=" + KeycloakServer.shared().issuer(),
                    "jcm.keycloak.client-id=" + KeycloakServer.APP_CLIENT,
                    "jcm.keycloak.client-secret=" + KeycloakServer.APP_CLIENT_SECRET)
                    .applyTo(context);
        }
    }
}
