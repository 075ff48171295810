package org.jcmflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jcmflow.testsupport.PageTest;
import org.jcmflow.web.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@PageTest(CasesPage.class)
@WithMockUser(username = "sato", roles = "program-manager")
class CasesPageTest {

    private static final Instant OPENED = Instant.parse("2016-05-10T01:00:00Z");
    private static final Instant SCREENED = Instant.parse("2016-05-20T06:30:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CaseFileService cases;
    @MockitoBean
    PartnerCountries partnerCountries;

    @BeforeEach
    void countries() {
        when(partnerCountries.names(any())).thenAnswer(call -> "ja".equals(call.<Locale>getArgument(0).getLanguage())
                ? Map.of("VN", "ベトナム") : Map.of("VN", "Viet Nam"));
    }

    private static ProjectCase projectCase(UUID id, Stage stage) {
        return new ProjectCase(id, "Hospital air-conditioning", "VN", "Inverter air-conditioning",
                new BigDecimal("1250.5"), new BigDecimal("480"), 2016, "nihon-ecotech", "tanaka", OPENED, stage,
                SCREENED, null);
    }

    @Test
    void theListShowsTheCasesAndPassesTheFiltersOn() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.search(any(), eq(Stage.FEASIBILITY_STUDY), eq("VN"), eq(2016), eq(0), eq(CasesPage.PAGE_SIZE)))
                .thenReturn(new CaseRepository.Page(List.of(projectCase(id, Stage.FEASIBILITY_STUDY)), 1));

        String page = mvc.perform(get("/cases?stage=FEASIBILITY_STUDY&partnerCountry=VN&fiscalYear=2016"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("href=\"/cases/" + id + "\"", "Hospital air-conditioning", "Viet Nam", "FY2016",
                "1,250.5 t-CO2/year", "<option value=\"2016\" selected=\"selected\">FY2016</option>",
                "Page 1 of 1 (1 in all)");
    }

    @Test
    void theCasePageShowsFieldsStagesOpenTasksAndTheHistory() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.details(eq(id), any())).thenReturn(details(id));

        String page = mvc.perform(get("/cases/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Hospital air-conditioning", "Viet Nam", "480 million JPY",
                "Carry out study and submit report", "Proponent",
                "Feasibility study", "2016-05-10 – 2016-05-20 (10 days)", "Pre-demonstration survey",
                "Proposal submitted", "Submitted", "Screen proposal", "sato", "2016-05-20 15:30", "Accepted",
                "Screening comments", "Fits the call.");
    }

    @Test
    void theCasePageInJapanese() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.details(eq(id), any())).thenReturn(details(id));

        String page = mvc.perform(get("/cases/" + id).param("lang", "ja")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("lang=\"ja\"", "ベトナム", "480 百万円", "2016年度", "実現可能性調査", "実証前調査",
                "履歴", "提案の提出", "提案の審査", "採択", "審査の理由");
    }

    @Test
    void aCaseTheUserMayNotSeeIsNotFound() throws Exception {
        UUID id = UUID.randomUUID();
        when(cases.details(eq(id), any())).thenThrow(ApiException.notFound("No case " + id, "noCase"));
        String page = mvc.perform(get("/cases/" + id)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Not found", "There is no such case, or it is not open to you.");
    }

    private static CaseDetails details(UUID id) {
        return new CaseDetails(projectCase(id, Stage.PRE_DEMONSTRATION_SURVEY),
                List.of(new CaseTasks.OpenTask("t2", "Task_SubmitFeasibilityReport",
                        "Carry out study and submit report", List.of("proponent"), null, SCREENED, null)),
                List.of(new CaseTimeline.StagePeriod(Stage.FEASIBILITY_STUDY, OPENED, SCREENED),
                        new CaseTimeline.StagePeriod(Stage.PRE_DEMONSTRATION_SURVEY, SCREENED, null)),
                List.of(),
                List.of(new CaseTimeline.Step(OPENED, "tanaka", "Proposal submitted", "Start_CaseCreated",
                                Stage.FEASIBILITY_STUDY, "SUBMITTED", "{}"),
                        new CaseTimeline.Step(SCREENED, "sato", "Screen proposal", "Task_ScreenProposal",
                                Stage.FEASIBILITY_STUDY, "ACCEPT",
                                "{\"screeningDecision\": \"ACCEPT\", \"screeningComments\": \"Fits the call.\"}")));
    }
}
