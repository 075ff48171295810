package org.jcmflow.programme;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.problem.Problem;

/** Who may do what with the programme's own records: programme managers write them, the programme office reads. */
final class ProgrammeRecords {

    private ProgrammeRecords() {
    }

    static boolean mayWrite(CurrentUser user) {
        return user.has(Role.PROGRAM_MANAGER);
    }

    static void requireWriter(CurrentUser user) {
        if (!mayWrite(user)) {
            throw Problem.forbidden("Only programme managers record the programme's records.",
                    "programmeRecordsForProgrammeManagers");
        }
    }

    static void requireReader(CurrentUser user) {
        if (!user.has(Role.PROGRAM_MANAGER) && !user.has(Role.ADMIN)) {
            throw Problem.forbidden("The programme's records are for the programme office.",
                    "programmeRecordsForProgrammeOffice");
        }
    }
}
