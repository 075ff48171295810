package org.jcmflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Order;
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
// After the other application tests: the shared Keycloak, started with the run (KeycloakEarlyStart), is then ready,
// instead of the first of these tests waiting the better part of a minute for it.
@Order(Order.DEFAULT + 1)
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
