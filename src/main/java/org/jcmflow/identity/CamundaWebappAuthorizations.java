package org.jcmflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.jcmflow.engine.EngineTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the roles may do in the Camunda webapps, now that Camunda checks its authorizations there: the
 * programme's internal roles use Tasklist, with a filter for the tasks of their roles and one for their own,
 * and see the processes; operators ({@code camunda-admin}) may do everything. A task's candidate groups get
 * READ and TASK_WORK on it from the engine itself when the task is created. Proponents work in the portal,
 * where they see their own organisation's cases only; Tasklist could not hold them to that.
 *
 * <p>Created at every start when missing, so that a new database and an existing one end up alike.
 */
@Component
class CamundaWebappAuthorizations {

    /** The roles that work in Camunda Tasklist; operators reach every webapp as {@code camunda-admin}. */
    static final List<Role> TASKLIST_ROLES =
            List.of(Role.PROGRAM_MANAGER, Role.STAGE_GATE_COMMITTEE, Role.MRV_VERIFIER, Role.JOINT_COMMITTEE);

    static final String TASKLIST = "tasklist";
    static final String MY_ROLES_TASKS = "Tasks of my roles";
    static final String MY_TASKS = "My tasks";
    static final String ALL_TASKS = "All tasks";
    static final String STAND_IN_OPERATOR = "jcm-flow";

    private static final Logger log = LoggerFactory.getLogger(CamundaWebappAuthorizations.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final EngineTables engineTables;

    CamundaWebappAuthorizations(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                                TaskService tasks, EngineTables engineTables) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.engineTables = engineTables;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createMissing() {
        Arrays.stream(Role.values()).forEach(role -> ensureGroup(role.groupId(), role.groupId(), Groups.GROUP_TYPE_WORKFLOW));
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        ensureStandInOperator();
        for (Resource resource : Resources.values()) {
            ensureGrant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }

        String myRolesTasks = ensureFilter(MY_ROLES_TASKS, tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").active(), -10,
                "Unclaimed tasks open to one of your roles");
        // a committee member's evaluation is given to them by name, so it is here rather than in the roles' list
        String myTasks = ensureFilter(MY_TASKS, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").active(),
                -5, "Tasks you have claimed or that were given to you");
        ensureFilter(ALL_TASKS, tasks.createTaskQuery(), 0, "Every open task (operators)");
        for (Role role : TASKLIST_ROLES) {
            ensureGrant(role.groupId(), Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
            ensureGrant(role.groupId(), Resources.FILTER, myRolesTasks, Permissions.READ);
            ensureGrant(role.groupId(), Resources.FILTER, myTasks, Permissions.READ);
            // the process's name and diagram beside a task; no instance data comes with it
            ensureGrant(role.groupId(), Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        grantOpenTasksToTheirCandidateGroups();
    }

    /**
     * Tasks created while Camunda's authorizations were off carry none; their candidate groups get what the
     * engine gives those of a new task. The ones missing are found in one query: the engine grants them itself
     * now, so at each start these are none, among however many open tasks there are.
     */
    private void grantOpenTasksToTheirCandidateGroups() {
        engineTables.candidateGroupsWithoutGrant(AUTH_TYPE_GRANT, Resources.TASK.resourceType())
                .forEach(missing -> ensureGrant(missing[1], Resources.TASK, missing[0], Permissions.READ,
                        Permissions.TASK_WORK));
    }

    /**
     * The webapps send everybody to their set-up page, to create a first operator with a password, while nobody
     * is in {@code camunda-admin}; with single sign-on that page has no use. A user of the application itself,
     * without a password, stands in until an operator logs in (they join the group then).
     */
    private void ensureStandInOperator() {
        if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
            return;
        }
        saveConcurrently(() -> {
            if (identity.createUserQuery().userId(STAND_IN_OPERATOR).count() == 0) {
                User user = identity.newUser(STAND_IN_OPERATOR);
                user.setFirstName("JCM Flow");
                user.setLastName("(single sign-on)");
                identity.saveUser(user);
            }
            identity.createMembership(STAND_IN_OPERATOR, Groups.CAMUNDA_ADMIN);
        }, "stand-in operator " + STAND_IN_OPERATOR);
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            saveConcurrently(() -> identity.saveGroup(group), "group " + id);
        }
    }

    private void ensureGrant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (existing != null && Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
            return;
        }
        Authorization grant = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        Arrays.stream(permissions).forEach(grant::addPermission);
        saveConcurrently(() -> authorizations.saveAuthorization(grant), Arrays.toString(permissions) + " on "
                + resource.resourceName() + " " + resourceId + " for " + groupId);
    }

    /** @return the id of the filter with that name, created if there is none */
    private String ensureFilter(String name, TaskQuery query, int priority, String description) {
        List<Filter> existing = filters.createFilterQuery().filterName(name).orderByFilterId().asc().list();
        if (!existing.isEmpty()) {
            return existing.get(0).getId();
        }
        Filter filter = filters.newTaskFilter(name).setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filters.saveFilter(filter);
        log.info("Created the Camunda Tasklist filter '{}'", name);
        return filter.getId();
    }

    /** Another node sharing the database may create the same at the same moment; then there is nothing to do. */
    private static void saveConcurrently(Runnable save, String what) {
        try {
            save.run();
        } catch (ProcessEngineException e) {
            log.info("Not created, probably created by another node meanwhile: {} ({})", what, e.getMessage());
        }
    }
}
