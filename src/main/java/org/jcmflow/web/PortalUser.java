package org.jcmflow.web;

import java.util.List;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;

/** The signed-in user as the layout shows them, and what the navigation offers them. */
record PortalUser(String username, List<String> roles, String organization, boolean proposes, boolean operates,
                  boolean seesFigures) {

    static PortalUser of(CurrentUser user) {
        return new PortalUser(user.username(), user.groupIds(), user.organization(), user.has(Role.PROPONENT),
                user.has(Role.ADMIN), user.has(Role.PROGRAM_MANAGER) || user.has(Role.ADMIN));
    }
}
