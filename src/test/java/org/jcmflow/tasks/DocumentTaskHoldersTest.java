package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jcmflow.casefile.JcmTrackStage;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.casefile.Stage;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.junit.jupiter.api.Test;

/** Who holds a task that asks for a document, and so may upload one to its case. */
class DocumentTaskHoldersTest {

    private static final ProjectCase SAKURA_CASE = new ProjectCase(UUID.randomUUID(), "Solar pumps", "VN", "Pumps",
            BigDecimal.TEN, BigDecimal.ONE, 2016, "sakura-engineering", "suzuki", Instant.EPOCH, Stage.MRV,
            Instant.EPOCH, null, JcmTrackStage.MONITORING, Instant.EPOCH);
    private static final CurrentUser VERIFIER = new CurrentUser("watanabe", Set.of(Role.MRV_VERIFIER),
            "kanto-verification");
    private static final CurrentUser COMMITTEE_OF_SAKURA = new CurrentUser("ito", Set.of(Role.STAGE_GATE_COMMITTEE),
            "sakura-engineering");
    private static final CurrentUser COMMITTEE_MEMBER = new CurrentUser("kobayashi",
            Set.of(Role.STAGE_GATE_COMMITTEE), "tohoku-university");

    @Test
    void anUnclaimedTaskIsHeldByWhoeverMayWorkOnIt() {
        assertThat(OpenCaseTasks.holds(VERIFIER, SAKURA_CASE, null, List.of("mrv-verifier"))).isTrue();
        assertThat(OpenCaseTasks.holds(VERIFIER, SAKURA_CASE, null, List.of("proponent"))).isFalse();
        assertThat(OpenCaseTasks.holds(COMMITTEE_MEMBER, SAKURA_CASE, null, List.of("stage-gate-committee"))).isTrue();
    }

    @Test
    void aCommitteeMemberDoesNotHoldATaskOnTheirOwnOrganisationsCase() {
        assertThat(OpenCaseTasks.holds(COMMITTEE_OF_SAKURA, SAKURA_CASE, null, List.of("stage-gate-committee")))
                .isFalse();
    }

    @Test
    void aClaimedTaskIsHeldByItsAssigneeOnly() {
        assertThat(OpenCaseTasks.holds(VERIFIER, SAKURA_CASE, "watanabe", List.of("mrv-verifier"))).isTrue();
        assertThat(OpenCaseTasks.holds(VERIFIER, SAKURA_CASE, "someone-else", List.of("mrv-verifier"))).isFalse();
        assertThat(OpenCaseTasks.holds(COMMITTEE_MEMBER, SAKURA_CASE, "kobayashi", List.of())).isTrue();
    }
}
