package org.jcmflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the Keycloak realm is and who the application is there.
 *
 * @param issuer   the realm's issuer, exactly as tokens name it: {@code http://localhost:8180/realms/jcm} and
 *                 {@code http://127.0.0.1:8180/realms/jcm} are different issuers
 * @param clientId the application's client; API tokens must name it as their audience
 */
@ConfigurationProperties("jcm.keycloak")
record KeycloakProperties(String issuer, String clientId, String clientSecret) {

    KeycloakProperties {
        if (!StringUtils.hasText(issuer)) {
            throw new IllegalStateException(
                    "Keycloak mode needs the realm's issuer: set JCM_KEYCLOAK_ISSUER (jcm.keycloak.issuer)");
        }
        if (!StringUtils.hasText(clientId) || !StringUtils.hasText(clientSecret)) {
            throw new IllegalStateException("Keycloak mode needs the application's client: set JCM_KEYCLOAK_CLIENT_ID "
                    + "and JCM_KEYCLOAK_CLIENT_SECRET (jcm.keycloak.client-id, jcm.keycloak.client-secret)");
        }
        issuer = StringUtils.trimTrailingCharacter(issuer.trim(), '/');
    }

    // Keycloak's endpoints, named rather than discovered so that the application starts while Keycloak is still
    // starting (or briefly away): nothing is fetched from Keycloak until the first login or token arrives.

    String authorizationUri() {
        return issuer + "/protocol/openid-connect/auth";
    }

    String tokenUri() {
        return issuer + "/protocol/openid-connect/token";
    }

    String jwkSetUri() {
        return issuer + "/protocol/openid-connect/certs";
    }

    String endSessionUri() {
        return issuer + "/protocol/openid-connect/logout";
    }
}
