package org.jcmflow.web;

import java.util.List;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Organizations;
import org.jcmflow.identity.Role;

/** The signed-in user as the layout shows them, and what the navigation offers them. */
record PortalUser(String username, List<String> roles, String organization, String organizationName,
                  boolean proposes, boolean worksInTasklist, boolean operates, boolean seesFigures) {

    static PortalUser of(CurrentUser user, Organizations organizations) {
        return new PortalUser(user.username(), user.groupIds(), user.organization(),
                organizations.name(user.organization()), user.has(Role.PROPONENT), user.worksInCamundaTasklist(),
                user.has(Role.ADMIN), user.has(Role.PROGRAM_MANAGER) || user.has(Role.ADMIN));
    }
}
