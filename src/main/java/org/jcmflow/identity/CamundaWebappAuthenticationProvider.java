package org.jcmflow.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
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
        ensureCamundaUserExists(engine.getIdentityService(), user.username());
        AuthenticationResult result = AuthenticationResult.successful(user.username());
        result.setGroups(user.groupIds());
        return result;
    }

    /** The webapps show the user's name from Camunda's user table; identities themselves live with us. */
    private static void ensureCamundaUserExists(IdentityService identity, String username) {
        if (identity.createUserQuery().userId(username).count() == 0) {
            User camundaUser = identity.newUser(username);
            camundaUser.setFirstName(username);
            camundaUser.setLastName("");
            identity.saveUser(camundaUser);
        }
    }
}
