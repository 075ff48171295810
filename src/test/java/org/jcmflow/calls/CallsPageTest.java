package org.jcmflow.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jcmflow.contracts.ContractKind;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jcmflow.stagegate.CommitteeRules;
import org.jcmflow.stagegate.Criterion;
import org.jcmflow.testsupport.PageTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The calls' pages as a refused form shows them again: what was typed and ticked is kept, the errors beside it. */
@PageTest(CallsPage.class)
class CallsPageTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Calls calls;
    @MockitoBean
    CommitteeRules committeeRules;

    @Test
    @WithMockUser(username = "sato", roles = "program-manager")
    void aRefusedCallKeepsTheKindsAndCriteriaTicked() throws Exception {
        when(calls.open(any(), any())).thenThrow(new InvalidInput(List.of(
                FieldProblem.coded("fiscalYear", "is required", "required"))));
        String page = mvc.perform(post("/calls").with(csrf()).param("title", "FY2027 call").param("fiscalYear", "")
                        .param("kinds", "DEMONSTRATION").param("criteria", "POLICY_FIT", "GHG_REDUCTION"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"open-fiscalYear-error\"", "value=\"FY2027 call\"",
                "name=\"kinds\" value=\"DEMONSTRATION\" checked=\"checked\"",
                "name=\"criteria\" value=\"POLICY_FIT\" checked=\"checked\"",
                "name=\"criteria\" value=\"GHG_REDUCTION\" checked=\"checked\"");
        assertThat(page).doesNotContain("value=\"FEASIBILITY_STUDY\" checked", "value=\"COST_EFFECTIVENESS\" checked");
    }

    @Test
    @WithMockUser(username = "kobayashi", roles = "stage-gate-committee")
    void aRefusedScoreKeepsTheScoresAndTheCommentOfThatProposalAlone() throws Exception {
        UUID callId = UUID.randomUUID();
        UUID scored = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        when(calls.get(eq(callId), any())).thenReturn(new Call(callId, "FY2016 call", 2016, LocalDate.of(2016, 4, 1),
                LocalDate.of(2016, 5, 15), List.of(ContractKind.FEASIBILITY_STUDY),
                List.of(Criterion.TECHNICAL_EFFECTIVENESS, Criterion.GHG_REDUCTION), Call.Status.CLOSED, "sato",
                Instant.now(), List.of(new Call.Member("kobayashi", "Yuki Kobayashi", "tohoku-university")), 2, null,
                null, null));
        when(calls.toScore(eq(callId), any())).thenReturn(List.of(proposal(scored, "Scored proposal"),
                proposal(other, "Other proposal")));
        doThrow(new InvalidInput(List.of(FieldProblem.coded("scores.GHG_REDUCTION", "is required", "required"))))
                .when(calls).score(eq(callId), eq(scored), any(), any());

        String page = mvc.perform(post("/calls/" + callId + "/score").with(csrf()).param("caseId", scored.toString())
                        .param("scores.TECHNICAL_EFFECTIVENESS", "4").param("comment", "Strong metering plan"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String scoredForm = page.substring(page.indexOf("id=\"score-" + scored + "\""),
                page.indexOf("id=\"score-" + other + "\""));
        assertThat(scoredForm).contains("<option value=\"4\" selected=\"selected\">4</option>",
                ">Strong metering plan</textarea>", "id=\"score-" + scored + "-scores.GHG_REDUCTION-error\"");
        String otherForm = page.substring(page.indexOf("id=\"score-" + other + "\""));
        assertThat(otherForm).as("the other proposal's form is as it was")
                .doesNotContain("selected=\"selected\"", "Strong metering plan");
    }

    private static RankedProposal proposal(UUID caseId, String title) {
        return new RankedProposal(caseId, title, "nihon-ecotech", "VN", BigDecimal.TEN, 0, null, null, null, List.of());
    }
}
