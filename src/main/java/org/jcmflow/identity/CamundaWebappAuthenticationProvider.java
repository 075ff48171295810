package org.jcmflow.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the Spring Security login to the Camunda webapps (single sign-on): the user's roles become their
 * Camunda groups, so Tasklist shows the tasks of the user's candidate groups.
 */
public class CamundaWebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return AuthenticationResult.unsuccessful();
        }
        CurrentUser user = CurrentUsers.of(authentication);
        if (user.roles().isEmpty()) {
            return AuthenticationResult.unsuccessful();
        }
        ensureCamundaUserExists(engine.getIdentityService(), user);
        AuthenticationResult result = AuthenticationResult.successful(user.username());
        result.setGroups(user.groupIds());
        return result;
    }

    /**
     * The webapps show the user's name from Camunda's user table, and send everybody to the set-up page
     * while no user is in the {@code camunda-admin} group; identities and roles themselves live with us.
     */
    private static void ensureCamundaUserExists(IdentityService identity, CurrentUser user) {
        if (identity.createUserQuery().userId(user.username()).count() == 0) {
            User camundaUser = identity.newUser(user.username());
            camundaUser.setFirstName(user.username());
            camundaUser.setLastName("");
            identity.saveUser(camundaUser);
        }
        if (user.has(Role.ADMIN)
                && identity.createUserQuery().userId(user.username()).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
                Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
                group.setName("Camunda administrators");
                group.setType(Groups.GROUP_TYPE_SYSTEM);
                identity.saveGroup(group);
            }
            identity.createMembership(user.username(), Groups.CAMUNDA_ADMIN);
        }
    }
}
