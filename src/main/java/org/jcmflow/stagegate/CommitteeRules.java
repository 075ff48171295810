package org.jcmflow.stagegate;

import java.util.List;
import java.util.Objects;

import org.jcmflow.identity.Role;
import org.jcmflow.identity.UserDirectory;
import org.jcmflow.identity.UserDirectory.DirectoryUser;

import org.springframework.stereotype.Component;

/**
 * The programme's rules for a committee that scores proposals, the stage gate's and a call's selection committee
 * alike: its members are the programme's committee members (role {@code stage-gate-committee}), none of the
 * proponent's organisation; a member who declares a conflict of interest does not score; and a result needs the
 * quorum of valid evaluations.
 */
@Component
public class CommitteeRules {

    private final UserDirectory directory;
    private final StageGateProperties properties;

    CommitteeRules(UserDirectory directory, StageGateProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    /** A member never scores a proposal of their own organisation. */
    public static boolean mayScore(String memberOrganization, String proponentOrganization) {
        return memberOrganization == null || !Objects.equals(memberOrganization, proponentOrganization);
    }

    /** The committee members who may score a proposal of the given organisation; every member for null. */
    public List<DirectoryUser> eligibleMembers(String proponentOrganization) {
        return directory.usersWithRole(Role.STAGE_GATE_COMMITTEE).stream()
                .filter(member -> proponentOrganization == null
                        || mayScore(member.organization(), proponentOrganization))
                .toList();
    }

    /** Valid evaluations (no conflict declared, every criterion scored) needed for a result. */
    public int quorum() {
        return properties.quorum();
    }
}
