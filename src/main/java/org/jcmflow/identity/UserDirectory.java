package org.jcmflow.identity;

import java.util.List;

/**
 * The people who may be given work by name, such as the members of a stage-gate committee: the demo users in
 * the default mode, the realm's users in Keycloak mode.
 */
public interface UserDirectory {

    /** The enabled users holding the role, ordered by username. */
    List<DirectoryUser> usersWithRole(Role role);

    record DirectoryUser(String username, String displayName, String organization) {
    }
}
