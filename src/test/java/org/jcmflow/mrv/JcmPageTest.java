package org.jcmflow.mrv;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.problem.Problem;
import org.jcmflow.testsupport.PageTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@PageTest(JcmPage.class)
@WithMockUser(username = "sato", authorities = {"ROLE_program-manager", "ORG_moej"})
class JcmPageTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ThirdPartyEntities tpes;

    @MockitoBean
    PublicInputs publicInputs;

    @MockitoBean
    RegistryLedger ledger;

    @MockitoBean
    PartnerCountries countries;

    @BeforeEach
    void register() {
        when(tpes.list()).thenReturn(List.of(new ThirdPartyEntity(7, "Japan Quality Assurance Organization",
                List.of("TH", "VN"), List.of(1, 3), LocalDate.of(2014, 6, 1), null, true)));
        when(countries.names(any())).thenReturn(Map.of("TH", "Thailand", "VN", "Viet Nam"));
        when(countries.exists("TH")).thenReturn(true);
        when(publicInputs.list(anyBoolean(), any())).thenReturn(List.of(new PublicInputPeriod(3, UUID.randomUUID(),
                PublicInputSubject.PROJECT_DESIGN, null, "Thai chillers", "TH", Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), null, true, List.of())));
    }

    @Test
    void theRegisterThePublicInputsAndACountrysLedger() throws Exception {
        when(ledger.ofCountry("TH")).thenReturn(new RegistryLedger.CountryLedger("TH", List.of(
                new RegistryLedger.Project(UUID.randomUUID(), "TH005", "Thai chillers",
                        Map.of("JAPANESE_GOVERNMENT", new java.math.BigDecimal("100")),
                        new java.math.BigDecimal("1000"))), Map.of("JAPANESE_GOVERNMENT",
                new java.math.BigDecimal("100")), new java.math.BigDecimal("1000")));
        mvc.perform(get("/jcm").param("country", "TH"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Japan Quality Assurance Organization")))
                .andExpect(content().string(Matchers.containsString("TH, VN")))
                .andExpect(content().string(Matchers.containsString("Public inputs on the PDD")))
                .andExpect(content().string(Matchers.containsString("Thai chillers (Thailand)")))
                .andExpect(content().string(Matchers.containsString("TH005")))
                .andExpect(content().string(Matchers.containsString("id=\"tpe-form\"")));
    }

    @Test
    void aBadDateIsNamedNextToItsFieldAndNothingIsRecorded() throws Exception {
        mvc.perform(post("/jcm/tpes").with(csrf()).param("name", "Bureau Veritas").param("partnerCountries", "TH")
                        .param("sectoralScopes", "3").param("designatedOn", "first of June"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"tpe-designatedOn-error\"")))
                .andExpect(content().string(Matchers.containsString("Please enter a date.")));
        verify(tpes, never()).designate(any(), any());
    }

    @Test
    void aDesignationIsRecordedAndConfirmed() throws Exception {
        when(tpes.designate(any(), any())).thenReturn(new ThirdPartyEntity(8, "Bureau Veritas", List.of("TH"),
                List.of(3), LocalDate.of(2014, 6, 1), null, true));
        mvc.perform(post("/jcm/tpes").with(csrf()).param("name", "Bureau Veritas").param("partnerCountries", "TH")
                        .param("sectoralScopes", "3, 4").param("designatedOn", "2014-06-01"))
                .andExpect(redirectedUrl("/jcm"))
                .andExpect(flash().attribute("notice", "Bureau Veritas is in the register."));
        verify(tpes).designate(eq(new TpeEntry("Bureau Veritas", List.of("TH"), List.of(3, 4),
                LocalDate.of(2014, 6, 1), null)), any());
    }

    @Test
    void aCommentAfterTheEndIsRefusedWithTheReason() throws Exception {
        when(publicInputs.comment(anyLong(), any(), any())).thenThrow(Problem.conflict(
                "The period of public inputs has closed; comments are no longer taken.", "publicInputsClosed"));
        mvc.perform(post("/jcm/public-inputs/3/comments").with(csrf()).param("comment", "Too late"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "The period of public inputs has closed; comments are no longer taken.")));
    }
}
