package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;

/** Keycloak's claims become the user the rest of the application sees, or a reason to turn them away. */
class KeycloakClaimsTest {

    @Test
    void realmRolesAndOrganisationBecomeTheUsersAuthorities() {
        CurrentUser user = KeycloakClaims.userOf(Map.of("preferred_username", "tanaka", "organization", "nihon-ecotech",
                "realm_access", Map.of("roles", List.of("proponent", "offline_access", "default-roles-jcm"))));
        assertThat(user).isEqualTo(new CurrentUser("tanaka", Set.of(Role.PROPONENT), "nihon-ecotech"));
        assertThat(user.authorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_proponent", "ORG_nihon-ecotech");
        assertThat(KeycloakClaims.refusal(user)).isEmpty();
    }

    @Test
    void usersWithoutAProgrammeRoleOrAProponentWithoutOrganisationAreTurnedAway() {
        assertThat(KeycloakClaims.refusal(KeycloakClaims.userOf(Map.of("preferred_username", "guest",
                "realm_access", Map.of("roles", List.of("offline_access")))))).isNotEmpty();
        assertThat(KeycloakClaims.refusal(KeycloakClaims.userOf(Map.of("preferred_username", "tanaka",
                "realm_access", Map.of("roles", List.of("proponent")))))).isNotEmpty();
        assertThat(KeycloakClaims.refusal(KeycloakClaims.userOf(Map.of(
                "realm_access", Map.of("roles", List.of("admin")))))).isNotEmpty();
    }

    @Test
    void otherRolesWorkAcrossOrganisationsAndNeedNone() {
        CurrentUser manager = KeycloakClaims.userOf(Map.of("preferred_username", "sato",
                "realm_access", Map.of("roles", List.of("program-manager"))));
        assertThat(KeycloakClaims.refusal(manager)).isEmpty();
    }
}
