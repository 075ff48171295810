package org.jcmflow.dashboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.jcmflow.casefile.FiscalYears;
import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.problem.Problem;
import org.jcmflow.web.DisplayFormats;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.web.PageController;
import org.jcmflow.web.PageMessages;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The programme office's pages: the dashboard (charts with their numbers beside them, and the budget form), the
 * printable programme ledger, and the dashboard's spreadsheet. Filtered as GET /api/dashboard is.
 */
@PageController
class DashboardPage {

    /**
     * These pages carry no script of their own, only files: a browser refuses anything else, so an injected
     * script cannot run. Chart.js draws through the canvas, which this does not restrict.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /** The budget form as the browser sends it, kept as typed so that the page shows it again next to the errors. */
    record BudgetForm(String fiscalYear, String budgetMillionJpy, String returnedMillionJpy) {
    }

    private final DashboardFigures figures;
    private final DashboardQueries queries;
    private final ProgrammeBudget budget;
    private final DashboardWorkbook workbook;
    private final DashboardProperties targets;
    private final PartnerCountries partnerCountries;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;
    private final DashboardCharts charts;
    private final SpringValidatorAdapter validator;
    private final DisplayFormats display;
    private final Clock clock;

    DashboardPage(DashboardFigures figures, DashboardQueries queries, ProgrammeBudget budget, DashboardWorkbook workbook,
                  DashboardProperties targets, PartnerCountries partnerCountries, CurrentUsers currentUsers,
                  PageMessages messages, ObjectMapper json, Validator validator, DisplayFormats display, Clock clock) {
        this.figures = figures;
        this.queries = queries;
        this.budget = budget;
        this.workbook = workbook;
        this.targets = targets;
        this.partnerCountries = partnerCountries;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.charts = new DashboardCharts(messages, json);
        this.validator = new SpringValidatorAdapter(validator);
        this.display = display;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) Integer fiscalYear,
                     @RequestParam(required = false) String partnerCountry, Locale locale, Model model,
                     HttpServletResponse response) {
        DashboardController.requireProgrammeOffice(currentUsers.current());
        BudgetForm empty = new BudgetForm(String.valueOf(fiscalYear == null ? FiscalYears.current(clock) : fiscalYear),
                "", "");
        return page(fiscalYear, country(partnerCountry), empty, Map.of(), locale, model, response);
    }

    /** The budget form: the same service and checks as PUT /api/budget/{fiscalYear}, errors next to the fields. */
    @PostMapping("/dashboard/budget")
    String enterBudget(@ModelAttribute BudgetForm form, @RequestParam(required = false) Integer filterFiscalYear,
                       @RequestParam(required = false) String filterPartnerCountry, Locale locale, Model model,
                       HttpServletResponse response, RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        if (!ProgrammeBudget.mayEnter(user)) {
            throw Problem.forbidden("Only programme managers enter the budget.", "budgetForProgrammeManagers");
        }
        String country = country(filterPartnerCountry);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer year = wholeNumber("fiscalYear", form.fiscalYear(), errors);
        BudgetEntry entry = new BudgetEntry(messages.number("budgetMillionJpy", form.budgetMillionJpy(), errors),
                messages.number("returnedMillionJpy", form.returnedMillionJpy(), errors));
        DirectFieldBindingResult checks = new DirectFieldBindingResult(entry, "budget");
        validator.validate(entry, checks);
        messages.fieldErrors(checks).forEach(errors::putIfAbsent);
        if (errors.isEmpty()) {
            try {
                budget.enter(year, entry, user);
                flash.addFlashAttribute("notice", messages.get("dashboard.budget.saved", year));
                return "redirect:" + UriComponentsBuilder.fromPath("/dashboard").query(filterQuery(filterFiscalYear, country))
                        .fragment("budget").build().toUriString();
            } catch (InvalidInput e) {
                errors.putAll(messages.fieldErrors(e));
            }
        }
        model.addAttribute("alert", messages.get("dashboard.budget.invalid"));
        return page(filterFiscalYear, country, form, errors, locale, model, response);
    }

    @GetMapping("/dashboard/ledger")
    String ledger(@RequestParam(required = false) Integer fiscalYear,
                  @RequestParam(required = false) String partnerCountry, Locale locale, Model model,
                  HttpServletResponse response) {
        DashboardController.requireProgrammeOffice(currentUsers.current());
        String country = country(partnerCountry);
        Dashboard dashboard = figures.of(fiscalYear, country);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        model.addAttribute("ledger", ProgrammeLedger.of(dashboard, targets.studiesAndDemonstrationsPerYearTarget(),
                FiscalYears.current(clock)));
        model.addAttribute("prepared", display.date(clock.instant()));
        filters(fiscalYear, country, locale, model);
        return "dashboard/ledger";
    }

    @GetMapping("/dashboard/figures.xlsx")
    void spreadsheet(@RequestParam(required = false) Integer fiscalYear,
                     @RequestParam(required = false) String partnerCountry, Locale locale,
                     HttpServletResponse response) throws IOException {
        DashboardController.requireProgrammeOffice(currentUsers.current());
        workbook.send(figures.of(fiscalYear, country(partnerCountry)), locale, response);
    }

    private String page(Integer fiscalYear, String country, BudgetForm form, Map<String, String> errors, Locale locale,
                        Model model, HttpServletResponse response) {
        Dashboard dashboard = figures.of(fiscalYear, country);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("totalCases", dashboard.pipeline().byStage().values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("ledger", ProgrammeLedger.of(dashboard, targets.studiesAndDemonstrationsPerYearTarget(),
                FiscalYears.current(clock)));
        model.addAttribute("charts", charts.of(dashboard, locale));
        model.addAttribute("overdueTasks", dashboard.overdueTasks() == 0 ? List.of()
                : queries.overdueTaskList(fiscalYear, country));
        model.addAttribute("mayEnterBudget", ProgrammeBudget.mayEnter(currentUsers.current()));
        model.addAttribute("budgetForm", form);
        model.addAttribute("errors", errors);
        filters(fiscalYear, country, locale, model);
        return "dashboard/dashboard";
    }

    /** The filters, their choices, and the query that carries them on to the other pages and the spreadsheet. */
    private void filters(Integer fiscalYear, String country, Locale locale, Model model) {
        Map<String, String> countries = partnerCountries.names(locale);
        model.addAttribute("fiscalYear", fiscalYear);
        model.addAttribute("partnerCountry", country);
        model.addAttribute("partnerCountryName", country == null ? null : countries.getOrDefault(country, country));
        model.addAttribute("countries", countries);
        model.addAttribute("fiscalYears", FiscalYears.valid(clock));
        String query = filterQuery(fiscalYear, country);
        model.addAttribute("filterQuery", query.isEmpty() ? "" : "?" + query);
    }

    private static String filterQuery(Integer fiscalYear, String country) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        if (fiscalYear != null) {
            query.queryParam("fiscalYear", fiscalYear);
        }
        if (country != null) {
            query.queryParam("partnerCountry", country);
        }
        String built = query.encode().build().getQuery();
        return built == null ? "" : built;
    }

    private static String country(String partnerCountry) {
        return StringUtils.hasText(partnerCountry) ? partnerCountry.strip() : null;
    }

    private Integer wholeNumber(String field, String text, Map<String, String> errors) {
        BigDecimal number = messages.number(field, text, errors);
        if (number == null) {
            errors.putIfAbsent(field, messages.get("problem.required"));
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            errors.put(field, messages.get("problem.wholeNumber"));
            return null;
        }
    }

}
