package org.jcmflow.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the user from the claims Keycloak puts in its tokens (the realm's client mappers): {@code
 * preferred_username}, the realm roles in {@code realm_access.roles} and the organisation in {@code organization}.
 * API tokens and browser logins carry the same claims and are read the same way.
 */
final class KeycloakClaims {

    static final String USERNAME = "preferred_username";
    static final String ORGANIZATION = "organization";

    private KeycloakClaims() {
    }

    /** The user the claims describe; realm roles that are not the programme's (Keycloak's defaults) are left out. */
    static CurrentUser userOf(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> names) {
            names.forEach(name -> Role.ofGroupId(String.valueOf(name)).ifPresent(roles::add));
        }
        return new CurrentUser(text(claims.get(USERNAME)), Set.copyOf(roles), text(claims.get(ORGANIZATION)));
    }

    /** Why the application turns this user away, or empty when it lets them in. */
    static Optional<String> refusal(CurrentUser user) {
        if (user.username() == null) {
            return Optional.of("The token names no user (" + USERNAME + ")");
        }
        if (user.roles().isEmpty()) {
            return Optional.of("User " + user.username() + " has none of JCM Flow's roles");
        }
        // The case rules scope a proponent by organisation: one without would not be scoped at all.
        if (user.seesOnlyOwnOrganization() && user.organization() == null) {
            return Optional.of("Proponent " + user.username() + " belongs to no organisation");
        }
        return Optional.empty();
    }

    private static String text(Object claim) {
        return claim instanceof String value && !value.isBlank() ? value : null;
    }
}
