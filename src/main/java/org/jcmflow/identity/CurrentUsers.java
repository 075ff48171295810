package org.jcmflow.identity;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the caller of the current request from the security context. */
@Component
public class CurrentUsers {

    public CurrentUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new InsufficientAuthenticationException("No authenticated user");
        }
        return of(authentication);
    }

    static CurrentUser of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String organization = null;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith("ROLE_")) {
                Role.ofGroupId(name.substring(5)).ifPresent(roles::add);
            } else if (name.startsWith(OrganizationAuthority.PREFIX)) {
                organization = name.substring(OrganizationAuthority.PREFIX.length());
            }
        }
        return new CurrentUser(authentication.getName(), Set.copyOf(roles), organization);
    }
}
