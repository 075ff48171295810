package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

/** Keycloak mode is on with the profile keycloak or with an issuer; otherwise the demo users log in. */
class IdentityModeTest {

    @Test
    void demoUsersByDefault() {
        assertThat(IdentityMode.keycloak(new MockEnvironment())).isFalse();
        assertThat(IdentityMode.keycloak(new MockEnvironment().withProperty("jcm.keycloak.issuer", ""))).isFalse();
    }

    @Test
    void keycloakWithTheProfile() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("keycloak");
        assertThat(IdentityMode.keycloak(environment)).isTrue();
    }

    @Test
    void keycloakWithAnIssuer() {
        assertThat(IdentityMode.keycloak(new MockEnvironment()
                .withProperty("jcm.keycloak.issuer", "https://login.example/realms/jcm"))).isTrue();
    }
}
