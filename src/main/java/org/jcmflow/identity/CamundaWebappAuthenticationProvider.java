package org.jcmflow.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the Spring Security login to the Camunda webapps (single sign-on): the user's roles become their
 * Camunda groups, of the same names, so that Tasklist shows the tasks of the user's candidate groups and
 * Camunda's authorizations for those groups apply; operators are in {@code camunda-admin} as well.
 */
public class CamundaWebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(CamundaWebappAuthenticationProvider.class);

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
        List<String> groups = camundaGroupsOf(user);
        keepCamundaUser(engine.getIdentityService(), user.username(), groups);
        AuthenticationResult result = AuthenticationResult.successful(user.username());
        result.setGroups(groups);
        return result;
    }

    static List<String> camundaGroupsOf(CurrentUser user) {
        List<String> groups = new ArrayList<>(user.groupIds());
        if (user.has(Role.ADMIN)) {
            groups.add(Groups.CAMUNDA_ADMIN);
        }
        return groups;
    }

    /**
     * Keeps the Camunda user and their group memberships as the login says: the webapps show the name from
     * Camunda's user table, send everybody to the set-up page while nobody is in {@code camunda-admin}, and
     * every few minutes read a session's groups again from the memberships.
     */
    private static void keepCamundaUser(IdentityService identity, String username, List<String> groups) {
        if (isKept(identity, username, groups)) {
            return;
        }
        try {
            if (identity.createUserQuery().userId(username).count() == 0) {
                User camundaUser = identity.newUser(username);
                camundaUser.setFirstName(username);
                camundaUser.setLastName("");
                identity.saveUser(camundaUser);
            }
            Set<String> current = groupsOf(identity, username);
            for (String group : groups) {
                if (!current.contains(group)) {
                    ensureGroupExists(identity, group);
                    identity.createMembership(username, group);
                }
            }
            for (String group : current) {
                if (!groups.contains(group)) {
                    identity.deleteMembership(username, group);
                }
            }
        } catch (ProcessEngineException e) {
            // Tasklist sends several requests at once after a login, and another node may be at it too
            if (!isKept(identity, username, groups)) {
                throw e;
            }
            log.debug("Camunda user {} was brought up to date by a parallel request", username);
        }
    }

    private static boolean isKept(IdentityService identity, String username, List<String> groups) {
        Set<String> current = groupsOf(identity, username);
        return current.equals(Set.copyOf(groups)) && (!current.isEmpty()
                || identity.createUserQuery().userId(username).count() > 0);
    }

    private static Set<String> groupsOf(IdentityService identity, String username) {
        Set<String> groups = new HashSet<>();
        identity.createGroupQuery().groupMember(username).list().forEach(group -> groups.add(group.getId()));
        return groups;
    }

    /** Normally created at start-up (CamundaWebappAuthorizations); a group added since is created here. */
    private static void ensureGroupExists(IdentityService identity, String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            group.setType(Groups.CAMUNDA_ADMIN.equals(groupId) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }
}
