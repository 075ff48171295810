package org.jcmflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.casefile.Stage;
import org.jcmflow.engine.EngineTables;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.programme.Evaluation;
import org.jcmflow.programme.Evaluations;
import org.jcmflow.programme.ProgrammeSettings;
import org.jcmflow.programme.Target;
import org.jcmflow.programme.Targets;
import org.jcmflow.testsupport.PageTest;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@PageTest(DashboardPage.class)
@Import({DashboardConfiguration.class, DashboardWorkbook.class, DashboardFigures.class, Ledgers.class})
@WithMockUser(username = "sato", roles = "program-manager")
class DashboardPageTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DashboardQueries queries;
    @MockitoBean
    ProgrammeBudget budget;
    @MockitoBean
    PartnerCountries partnerCountries;
    @MockitoBean
    ProgrammeSettings settings;
    @MockitoBean
    Targets targets;
    @MockitoBean
    Evaluations evaluations;

    @BeforeEach
    void programmeRecords() {
        when(settings.current()).thenReturn(new ProgrammeSettings.Settings("11013", "国際部地球環境対策推進室",
                ProgrammeSettings.ContractType.COMMISSIONED, "エネルギー需給勘定", 2011, 2017, "sato", Instant.EPOCH));
        when(targets.currentValue(any(), anyInt())).thenAnswer(call -> call.getArgument(1));
        when(targets.history()).thenReturn(List.of(
                new Target(Targets.Indicator.OUTCOME, 5, 2015, LocalDate.of(2013, 4, 1), "Set at the JCM's start",
                        "sato", Instant.EPOCH),
                new Target(Targets.Indicator.OUTCOME, 10, 2017, LocalDate.of(2015, 4, 1),
                        "情勢変化: sixteen partner countries", "sato", Instant.EPOCH)));
        when(evaluations.all()).thenReturn(List.of(new Evaluation(UUID.randomUUID(), Evaluations.Kind.EARLY_EX_POST,
                LocalDate.of(2017, 6, 28), "On track", "sato", Instant.EPOCH)));
    }

    @BeforeEach
    void data() {
        when(partnerCountries.names(any())).thenAnswer(call -> "ja".equals(call.<Locale>getArgument(0).getLanguage())
                ? Map.of("PW", "パラオ", "VN", "ベトナム") : Map.of("PW", "Palau", "VN", "Viet Nam"));
        when(queries.dashboard(any(), any(), any())).thenAnswer(call -> figures(call.getArgument(0), call.getArgument(1)));
    }

    /** Palau in FY2016: seven cases, a methodology approved in FY2016 and another in FY2017, a returned budget. */
    private static Dashboard figures(Integer fiscalYear, String country) {
        Map<String, Long> byStage = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            byStage.put(stage.name(), 0L);
        }
        byStage.put("FEASIBILITY_STUDY", 3L);
        byStage.put("DEMONSTRATION", 2L);
        byStage.put("TRANSFERRED", 2L);
        return new Dashboard(new Dashboard.Filter(fiscalYear, country),
                new Dashboard.Pipeline(byStage, List.of(new Dashboard.CountryCount("PW", "Palau", "パラオ", 7))),
                new Dashboard.Indicators(new Dashboard.Target(2, 10),
                        List.of(new Dashboard.ApprovalYear(2016, 1, 1, 10), new Dashboard.ApprovalYear(2017, 1, 2, 10)),
                        List.of(new Dashboard.ActivityYear(2016, 6, 2, 8, 10, 1))),
                new Dashboard.Conversion(5, share(2, "0.4"), share(3, "0.6"), share(4, "0.8")),
                new Dashboard.Reductions(new BigDecimal("27406"), new BigDecimal("12500.5"), new BigDecimal("830"),
                        new BigDecimal("1140000")),
                List.of(new Dashboard.BudgetYear(2015, new BigDecimal("19010"), new BigDecimal("2500"), new BigDecimal("6252")),
                        new Dashboard.BudgetYear(2016, new BigDecimal("2400"), BigDecimal.ZERO, new BigDecimal("2635"))),
                3,
                List.of(new Dashboard.TimeInStage("FEASIBILITY_STUDY", 7, new BigDecimal("12.50"), new BigDecimal("30.25"))));
    }

    private static Dashboard.Share share(long count, String share) {
        return new Dashboard.Share(count, new BigDecimal(share));
    }

    @Test
    void theDashboardShowsEachFigureWithItsNumbersAndItsChartData() throws Exception {
        String page = mvc.perform(get("/dashboard?fiscalYear=2016&partnerCountry=PW"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", DashboardPage.CONTENT_SECURITY_POLICY))
                .andReturn().getResponse().getContentAsString();

        verify(queries).dashboard(eq(2016), eq("PW"), any());
        assertThat(page).contains("Programme dashboard", "href=\"/dashboard\"",
                // the filters are kept, and carried on to the spreadsheet and the ledger
                "<option value=\"2016\" selected=\"selected\">FY2016</option>",
                "<option value=\"PW\" selected=\"selected\">Palau</option>",
                "href=\"/dashboard/figures.xlsx?fiscalYear=2016&amp;partnerCountry=PW\"",
                "href=\"/dashboard/ledger?fiscalYear=2016&amp;partnerCountry=PW\"",
                // each figure: a canvas with its data, and the numbers in a table
                "id=\"chart-pipeline\"", "id=\"chart-countries\"", "id=\"chart-outcome\"", "id=\"chart-activity\"",
                "id=\"chart-conversion\"", "id=\"chart-reductions\"", "id=\"chart-budget\"", "id=\"chart-timeInStage\"",
                "Feasibility study", "Transferred", "Palau",
                "2 of 10", "2 approved; cumulative target 10",
                "Studies completed", "40.0%", "60.0%", "80.0%",
                "27,406", "12,500.5", "830", "1,140,000",
                "19,010", "2,500", "16,510", "6,252", "37.9%", "2,635", "109.8%",
                "The budget is the whole programme&#39;s",
                // days in stage in whole days
                "<td class=\"number\">13</td>", "<td class=\"number\">30</td>",
                // the scripts by their content's digest or their version, which browsers keep (StaticAssetsIT)
                "/chart.umd.min", "/assets/dashboard-");
        assertThat(page).contains("data-chart=\"{&quot;labels&quot;:[&quot;Feasibility study&quot;");
        // the 90th percentile a mark of its own beside the median's bar; cumulative reductions on an axis of their own
        assertThat(page).contains("&quot;label&quot;:&quot;90th percentile&quot;,&quot;data&quot;:[30],&quot;kind&quot;:&quot;mark&quot;",
                "&quot;label&quot;:&quot;Cumulative (t-CO2)&quot;", "&quot;secondAxis&quot;:true");
        assertThat(page).doesNotContain("<script>");
        // the overdue tasks stand out
        assertThat(page).containsPattern("class=\"kpi warn\" id=\"kpi-overdue\"|id=\"kpi-overdue\" class=\"kpi warn\"");
        // the budget form posts with the CSRF token, and keeps the filters
        assertThat(page).contains("id=\"budget-form\"", "name=\"_csrf\"",
                "name=\"filterFiscalYear\" value=\"2016\"", "name=\"filterPartnerCountry\" value=\"PW\"");
    }

    @Test
    void inJapanese() throws Exception {
        String page = mvc.perform(get("/dashboard").param("lang", "ja")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("lang=\"ja\"", "事業ダッシュボード", "段階別の案件数", "パラオ", "実現可能性調査",
                "成果指標", "活動指標", "予算と執行（百万円）", "執行率", "中央値", "2016年度", "事業原簿（印刷用）",
                "年度の予算を入力");
    }

    @Test
    @WithMockUser(username = "tanaka", authorities = {"ROLE_proponent", "ORG_nihon-ecotech"})
    void aProponentIsRefused() throws Exception {
        String page = mvc.perform(get("/dashboard")).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Not allowed", "The programme&#39;s figures are for programme managers.");
        mvc.perform(get("/dashboard/ledger")).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/figures.xlsx")).andExpect(status().isForbidden());
        mvc.perform(post("/dashboard/budget").with(csrf()).param("fiscalYear", "2016").param("budgetMillionJpy", "1"))
                .andExpect(status().isForbidden());
        verify(budget, never()).enter(anyInt(), any(), any());
    }

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void anOperatorSeesTheFiguresButEntersNoBudget() throws Exception {
        String page = mvc.perform(get("/dashboard")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Cases by stage").doesNotContain("id=\"budget-form\"");
    }

    @Test
    void aBudgetIsEnteredThroughTheServiceAndTheDashboardKeepsItsFilters() throws Exception {
        mvc.perform(post("/dashboard/budget").with(csrf()).param("fiscalYear", "2016")
                        .param("budgetMillionJpy", "2,400").param("returnedMillionJpy", "")
                        .param("filterFiscalYear", "2016").param("filterPartnerCountry", "PW"))
                .andExpect(redirectedUrl("/dashboard?fiscalYear=2016&partnerCountry=PW#budget"));
        ArgumentCaptor<BudgetEntry> entry = ArgumentCaptor.forClass(BudgetEntry.class);
        verify(budget).enter(eq(2016), entry.capture(), any(CurrentUser.class));
        assertThat(entry.getValue().budgetMillionJpy()).isEqualByComparingTo("2400");
        assertThat(entry.getValue().returnedMillionJpy()).isNull();
    }

    @Test
    void aBudgetThatIsNoNumberIsRefusedNextToTheField() throws Exception {
        String page = mvc.perform(post("/dashboard/budget").with(csrf()).param("fiscalYear", "2016")
                        .param("budgetMillionJpy", "about 2400").param("returnedMillionJpy", "-5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The budget was not saved",
                "<p class=\"field-error\" id=\"budget-budgetMillionJpy-error\">Please enter a number.</p>",
                "<p class=\"field-error\" id=\"budget-returnedMillionJpy-error\">Please enter at least 0.</p>",
                "value=\"about 2400\"");
        verify(budget, never()).enter(anyInt(), any(), any());
    }

    @Test
    void theServicesRulesShowNextToTheirFieldsInJapanese() throws Exception {
        doThrow(new InvalidInput(List.of(
                FieldProblem.coded("fiscalYear", "must be between 2011 and 2027", "fiscalYearRange", "2011", "2027"),
                FieldProblem.coded("returnedMillionJpy", "must not be more than the budget", "returnedAboveBudget"))))
                .when(budget).enter(anyInt(), any(), any());
        String page = mvc.perform(post("/dashboard/budget").with(csrf()).param("lang", "ja").param("fiscalYear", "2016")
                        .param("budgetMillionJpy", "10").param("returnedMillionJpy", "20"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("予算は保存されていません",
                "id=\"budget-returnedMillionJpy-error\">返納額は予算額を超えられません。</p>",
                "id=\"budget-fiscalYear-error\">");
    }

    @Test
    void aMissingFiscalYearIsRefused() throws Exception {
        String page = mvc.perform(post("/dashboard/budget").with(csrf()).param("fiscalYear", "")
                        .param("budgetMillionJpy", "100"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"budget-fiscalYear-error\">Please fill this in.</p>");
        verify(budget, never()).enter(anyInt(), any(), any());
    }

    @Test
    void theLedgerHasTheShapeOfTheProgrammesLedger() throws Exception {
        String page = mvc.perform(get("/dashboard/ledger?partnerCountry=PW").param("lang", "ja"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", DashboardPage.CONTENT_SECURITY_POLICY))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("事業原簿", "作成：", "事業名称", "二国間クレジット制度（ＪＣＭ）", "事業期間・予算",
                "事業期間：2011年度～2017年度", "［単位：百万円］",
                "ＰＪコード", "11013", "国際部地球環境対策推進室", "委託", "エネルギー需給勘定", "目標の改定履歴",
                "情勢変化: sixteen partner countries", "前倒し事後評価（2017-06-28実施）：On track", "予算額", "執行額", "合計",
                "19,010", "(16,510)", "21,410", "(18,910)", "8,887", "※括弧内は国庫返納後の予算額。",
                "事業の目的・目標", "成果指標：ＪＣＭ合同委員会で承認された方法論の件数　累計10件",
                "活動指標：実現可能性調査や実証事業を実施した件数　年間10件",
                "事業の成果", "方法論の承認：2件（目標10件）",
                "調査深堀のための継続調査に進んだ案件は、2件。", "3件（60%）がＪＣＭ事業へ進展。",
                "4件（80%）が次段階に進展。", "2件の実証事業を実施中。", "1,140,000 t-CO2", "パラオ", "印刷");
        // indicators per fiscal year: the second approval counts into FY2017's cumulative figure
        assertThat(page).containsPattern("(?s)class=\"ledger-outcome-actual\">.*?>1</td>\\s*<td class=\"number\">2</td>");
        // where the activity actuals come from, with the one counted from a case's stage periods
        assertThat(page).contains("※活動指標の実績は、委託契約の期間の各年度に計上。"
                + "うち1件は契約の記録がなく、案件がその段階にあった期間から計上。");
    }

    @Test
    void theSpreadsheetIsOfferedToTheSignedInProgrammeManager() throws Exception {
        byte[] body = mvc.perform(get("/dashboard/figures.xlsx?fiscalYear=2016"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", DashboardWorkbook.CONTENT_TYPE))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"jcm-dashboard-FY2016.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Summary");
            assertThat(workbook.getSheet("Cases by partner country").getRow(1).getCell(2).getStringCellValue())
                    .isEqualTo("パラオ");
        }
    }
}
