package org.jcmflow.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The caller as the rest of the application sees it, whichever identity mode is on.
 *
 * @param organization the organisation code of the user's Keycloak group
 */
public record CurrentUser(String username, Set<Role> roles, String organization) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyGroup(List<String> candidateGroups) {
        return roles.stream().anyMatch(role -> candidateGroups.contains(role.groupId()));
    }

    public List<String> groupIds() {
        return roles.stream().map(Role::groupId).sorted().toList();
    }

    /** What every identity mode hands to Spring Security, so that {@link CurrentUsers#of} reads it back. */
    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.stream().sorted().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        if (organization != null) {
            authorities.add(new OrganizationAuthority(organization));
        }
        return authorities;
    }

    /** The user as signed in, for work done on their behalf outside a request (the demonstration data set). */
    public Authentication signedIn() {
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities());
    }

    /** The programme's own roles and operators; proponents work in the portal only. */
    public boolean worksInCamundaTasklist() {
        return has(Role.ADMIN) || CamundaWebappAuthorizations.TASKLIST_ROLES.stream().anyMatch(this::has);
    }

    /** Proponents work on their own organisation's cases; every other role works across the programme. */
    public boolean seesOnlyOwnOrganization() {
        return has(Role.PROPONENT) && roles.stream().allMatch(role -> role == Role.PROPONENT);
    }
}
