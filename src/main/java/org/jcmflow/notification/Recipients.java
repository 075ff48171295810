package org.jcmflow.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jcmflow.identity.Role;
import org.jcmflow.identity.UserDirectory;
import org.jcmflow.identity.UserDirectory.DirectoryUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Who a mail goes to: the person a task is given to, or else everyone holding its role; proponents only of the
 * case's own organisation, since nobody may learn of another organisation's case. Escalations go to the
 * programme managers, stage-gate and selection decisions to the case's proponents.
 */
@Component
class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final UserDirectory directory;

    Recipients(UserDirectory directory) {
        this.directory = directory;
    }

    /** The people the notification is for, whether or not mail reaches them: each has it in their inbox. */
    List<DirectoryUser> everyone(NotificationRequest request, String caseOrganization) {
        Map<String, DirectoryUser> people = new LinkedHashMap<>();
        switch (request.kind()) {
            case ESCALATION -> add(people, directory.usersWithRole(Role.PROGRAM_MANAGER));
            case STAGE_GATE_DECISION, SELECTION_DECISION -> add(people, proponentsOf(caseOrganization));
            default -> {
                if (request.assignee() != null) {
                    add(people, directory.user(request.assignee()).stream().toList());
                } else {
                    for (String group : request.candidateGroups()) {
                        Optional<Role> role = Role.ofGroupId(group);
                        if (role.isEmpty()) {
                            continue;
                        }
                        add(people, role.get() == Role.PROPONENT ? proponentsOf(caseOrganization)
                                : directory.usersWithRole(role.get()));
                    }
                }
            }
        }
        return List.copyOf(people.values());
    }

    /** Those of the people whom mail reaches. */
    List<DirectoryUser> reachable(NotificationRequest request, List<DirectoryUser> people) {
        List<DirectoryUser> reachable = new ArrayList<>();
        for (DirectoryUser person : people) {
            if (person.email() == null || person.email().isBlank()) {
                log.warn("No mail address for {}: the {} mail of case {} does not reach them", person.username(),
                        request.kind(), request.caseId());
            } else {
                reachable.add(person);
            }
        }
        return reachable;
    }

    private List<DirectoryUser> proponentsOf(String organization) {
        if (organization == null) {
            return List.of();
        }
        return directory.usersWithRole(Role.PROPONENT).stream()
                .filter(proponent -> Objects.equals(proponent.organization(), organization)).toList();
    }

    private static void add(Map<String, DirectoryUser> people, List<DirectoryUser> more) {
        more.forEach(person -> people.putIfAbsent(person.username(), person));
    }
}
