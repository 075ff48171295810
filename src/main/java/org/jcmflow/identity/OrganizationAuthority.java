package org.jcmflow.identity;

import org.springframework.security.core.GrantedAuthority;

/** Carries the user's organisation next to the roles, so every identity mode hands it over the same way. */
record OrganizationAuthority(String organization) implements GrantedAuthority {

    static final String PREFIX = "ORG_";

    @Override
    public String getAuthority() {
        return PREFIX + organization;
    }
}
