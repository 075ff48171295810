package org.jcmflow.identity;

import java.util.Arrays;
import java.util.Optional;

/** The programme's roles: Keycloak realm roles, Spring authorities and Camunda candidate groups alike. */
public enum Role {
    PROPONENT("proponent"),
    PROGRAM_MANAGER("program-manager"),
    STAGE_GATE_COMMITTEE("stage-gate-committee"),
    MRV_VERIFIER("mrv-verifier"),
    JOINT_COMMITTEE("joint-committee"),
    ADMIN("admin");

    private final String groupId;

    Role(String groupId) {
        this.groupId = groupId;
    }

    /** The name used in the realm, in tokens and as Camunda candidate group. */
    public String groupId() {
        return groupId;
    }

    public String authority() {
        return "ROLE_" + groupId;
    }

    public static Optional<Role> ofGroupId(String groupId) {
        return Arrays.stream(values()).filter(role -> role.groupId.equals(groupId)).findFirst();
    }
}
