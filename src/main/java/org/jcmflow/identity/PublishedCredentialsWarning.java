package org.jcmflow.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says in the log when the application runs with credentials that this repository publishes: the demo users'
 * password of the default mode, or the realm export's development client secret in Keycloak mode. Fine for a
 * demonstration, never for production, where Keycloak and its secret come from the environment.
 */
@Component
class PublishedCredentialsWarning {

    private static final Logger log = LoggerFactory.getLogger(PublishedCredentialsWarning.class);

    /** The secret of the client jcm-flow in keycloak-realm/jcm-realm.json. */
    static final String DEVELOPMENT_CLIENT_SECRET = "jcm-flow-dev-secret";

    private final Environment environment;

    PublishedCredentialsWarning(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfPublishedCredentialsAreInUse() {
        if (!IdentityMode.keycloak(environment)) {
            log.warn("Demo identity mode: the demo users of {} sign in with their published password. For a "
                    + "demonstration only; in production set JCM_KEYCLOAK_ISSUER, JCM_KEYCLOAK_CLIENT_ID and "
                    + "JCM_KEYCLOAK_CLIENT_SECRET.", environment.getProperty("jcm.identity.realm-file"));
        } else if (DEVELOPMENT_CLIENT_SECRET.equals(environment.getProperty("jcm.keycloak.client-secret"))) {
            log.warn("Keycloak mode with the realm export's development client secret: for a local run only; in "
                    + "production set JCM_KEYCLOAK_CLIENT_SECRET.");
        }
    }
}
