package org.jcmflow.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The people who may be given work by name or told about it, such as the members of a stage-gate committee or
 * the recipients of a mail: the demo users in the default mode, the realm's users in Keycloak mode.
 */
public interface UserDirectory {

    /** The enabled users holding the role, ordered by username. */
    List<DirectoryUser> usersWithRole(Role role);

    /** One enabled user of the programme, by username. */
    default Optional<DirectoryUser> user(String username) {
        return Arrays.stream(Role.values()).flatMap(role -> usersWithRole(role).stream())
                .filter(user -> user.username().equals(username)).findFirst();
    }

    /**
     * One user of the programme as the rules see them, with their roles and organisation: whether someone mentioned,
     * given a task or standing in for another may see a case and work on it.
     */
    default Optional<CurrentUser> person(String username) {
        return user(username).map(found -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Role role : Role.values()) {
                if (usersWithRole(role).stream().anyMatch(holder -> holder.username().equals(username))) {
                    roles.add(role);
                }
            }
            return new CurrentUser(username, Set.copyOf(roles), found.organization());
        });
    }

    /**
     * @param email    where mail reaches them; null when unknown
     * @param language the language they chose (Keycloak's {@code locale} attribute, e.g. "ja"); null when none
     */
    record DirectoryUser(String username, String displayName, String organization, String email, String language) {

        public DirectoryUser(String username, String displayName, String organization) {
            this(username, displayName, organization, null, null);
        }
    }
}
