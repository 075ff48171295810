package org.jcmflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jcmflow.testsupport.PageTest;
import org.jcmflow.problem.Problem;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@PageTest(NewProposalPage.class)
@WithMockUser(username = "tanaka", authorities = {"ROLE_proponent", "ORG_nihon-ecotech"})
class NewProposalPageTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CaseFileService cases;
    @MockitoBean
    PartnerCountries partnerCountries;
    @MockitoBean
    ProposalCalls calls;

    @BeforeEach
    void countries() {
        when(partnerCountries.names(any())).thenReturn(Map.of("VN", "Viet Nam", "PW", "Palau"));
    }

    private static MockHttpServletRequestBuilder proposal(String reduction) {
        return post("/cases/new").with(csrf()).param("title", "LED fishing lights").param("partnerCountry", "PW")
                .param("technology", "LED lamps").param("estimatedReductionTco2PerYear", reduction)
                .param("budgetMillionJpy", "120").param("fiscalYear", "2016");
    }

    @Test
    void theFormOffersThePartnerCountriesAndTheValidFiscalYears() throws Exception {
        String page = mvc.perform(get("/cases/new")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<option value=\"PW\">Palau</option>", "<option value=\"2011\">FY2011</option>",
                "Submit proposal");
    }

    @Test
    void aValidProposalOpensTheCaseAndLeadsToItsPage() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.open(any(), any())).thenReturn(new ProjectCase(id, "LED fishing lights", "PW", "LED lamps",
                new BigDecimal("830.5"), new BigDecimal("120"), 2016, "nihon-ecotech", "tanaka", Instant.now(),
                Stage.FEASIBILITY_STUDY, Instant.now(), null, JcmTrackStage.NOT_STARTED, null));

        mvc.perform(proposal("830.5")).andExpect(redirectedUrl("/cases/" + id));

        ArgumentCaptor<NewCase> request = ArgumentCaptor.forClass(NewCase.class);
        verify(cases).open(request.capture(), any());
        assertThat(request.getValue()).isEqualTo(new NewCase("LED fishing lights", "PW", "LED lamps",
                new BigDecimal("830.5"), new BigDecimal("120"), 2016));
    }

    @Test
    void invalidFieldsComeBackWithTheirErrorsAndTheInputKept() throws Exception {
        String page = mvc.perform(post("/cases/new").with(csrf()).param("title", " ").param("partnerCountry", "PW")
                        .param("technology", "x".repeat(501)).param("estimatedReductionTco2PerYear", "lots")
                        .param("budgetMillionJpy", "-1").param("fiscalYear", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"title-error\">Please fill this in.",
                "id=\"technology-error\">Please use at most 500 characters.",
                "id=\"estimatedReductionTco2PerYear-error\">Please enter a number.",
                "id=\"budgetMillionJpy-error\">Please enter a number greater than 0.",
                "id=\"fiscalYear-error\">Please choose one.",
                "value=\"lots\"", "<option value=\"PW\" selected=\"selected\">Palau</option>");
        verify(cases, never()).open(any(), any());
    }

    @Test
    void figuresTypedWithAJapaneseInputMethodAreReadAsNumbers() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.open(any(), any())).thenReturn(new ProjectCase(id, "LED fishing lights", "PW", "LED lamps",
                new BigDecimal("1200"), new BigDecimal("120.5"), 2016, "nihon-ecotech", "tanaka", Instant.now(),
                Stage.FEASIBILITY_STUDY, Instant.now(), null, JcmTrackStage.NOT_STARTED, null));

        mvc.perform(post("/cases/new").with(csrf()).param("title", "LED fishing lights").param("partnerCountry", "PW")
                        .param("technology", "LED lamps").param("estimatedReductionTco2PerYear", "１，２００")
                        .param("budgetMillionJpy", " １２０．５ ").param("fiscalYear", "２０１６"))
                .andExpect(redirectedUrl("/cases/" + id));

        ArgumentCaptor<NewCase> request = ArgumentCaptor.forClass(NewCase.class);
        verify(cases).open(request.capture(), any());
        assertThat(request.getValue()).isEqualTo(new NewCase("LED fishing lights", "PW", "LED lamps",
                new BigDecimal("1200"), new BigDecimal("120.5"), 2016));
    }

    @Test
    void anEmptySelectAsksToChooseInTheReadersLanguage() throws Exception {
        String page = mvc.perform(post("/cases/new").with(csrf()).header("Accept-Language", "ja")
                        .param("title", "LED").param("partnerCountry", "").param("technology", "LED lamps")
                        .param("estimatedReductionTco2PerYear", "800").param("budgetMillionJpy", "120")
                        .param("fiscalYear", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"partnerCountry-error\">選択してください。",
                "id=\"fiscalYear-error\">選択してください。").doesNotContain("形式が正しくありません");
        verify(cases, never()).open(any(), any());
    }

    @Test
    void theServicesOwnChecksAreShownInTheReadersLanguage() throws Exception {
        when(cases.open(any(), any())).thenThrow(new InvalidInput(List.of(FieldProblem.coded("fiscalYear",
                "must be between 2011 and 2027", "fiscalYearRange", "2011", "2027"))));
        String page = mvc.perform(proposal("830.5").header("Accept-Language", "ja"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"fiscalYear-error\">2011年度から2027年度までの年度を選んでください。");
    }

    @Test
    void aProposalGoesUnderAnOpenCallAndAClosedCallIsShownNextToTheField() throws Exception {
        UUID callId = UUID.randomUUID();
        when(calls.openAt(any())).thenReturn(List.of(new ProposalCalls.OpenCall(callId, "FY2016 call", 2016)));
        String form = mvc.perform(get("/cases/new")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("FY2016 call", callId.toString());

        when(cases.open(any(), any())).thenThrow(Problem.conflict("closed", "callNotOpen", "FY2016 call",
                "2016-04-01", "2016-05-15"));
        String page = mvc.perform(proposal("1250").param("callId", callId.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"callId-error\"", "The call &quot;FY2016 call&quot; takes proposals from 2016-04-01 to 2016-05-15 only.");
        ArgumentCaptor<NewCase> request = ArgumentCaptor.forClass(NewCase.class);
        verify(cases).open(request.capture(), any());
        assertThat(request.getValue().callId()).isEqualTo(callId);
    }

    @Test
    @WithMockUser(username = "sato", roles = "program-manager")
    void onlyProponentsGetTheForm() throws Exception {
        doThrow(Problem.forbidden("Only a proponent may submit a proposal.", "proponentsOnly"))
                .when(cases).checkMayPropose(any());
        String page = mvc.perform(get("/cases/new")).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Only a proponent may submit a proposal.");
    }
}
