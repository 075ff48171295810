package org.jcmflow.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jcmflow.web.PageMessages;

/**
 * What each chart of the dashboard draws, as JSON that the page carries in a data attribute and
 * assets/dashboard.js hands to Chart.js: no script in the page itself. The tables beside the charts show the
 * same numbers.
 */
final class DashboardCharts {

    /**
     * A chart's categories and series; {@code horizontal} lays the bars along the x axis. Unstacked bars stand
     * side by side. {@code axisTitles}: the value axis's title, then the second value axis's, for a chart whose
     * series measure different things (none when there is one).
     */
    record Chart(List<String> labels, List<Series> series, boolean stacked, boolean horizontal,
                 List<String> axisTitles) {

        Chart(List<String> labels, List<Series> series, boolean stacked, boolean horizontal) {
            this(labels, series, stacked, horizontal, List.of());
        }
    }

    /**
     * {@code kind}: {@code bar}, {@code line}, {@code target} (a dashed line) or {@code mark} (a point of its own,
     * such as a percentile beside the median's bar). {@code secondAxis}: measured on the second value axis.
     */
    record Series(String label, List<Number> data, String kind, boolean secondAxis) {

        Series(String label, List<Number> data, String kind) {
            this(label, data, kind, false);
        }
    }

    private final PageMessages messages;
    private final ObjectMapper json;

    DashboardCharts(PageMessages messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** Chart name to its JSON, in the reader's language. */
    Map<String, String> of(Dashboard dashboard, Locale locale) {
        Map<String, Chart> charts = new LinkedHashMap<>();
        charts.put("pipeline", pipeline(dashboard.pipeline()));
        charts.put("countries", countries(dashboard.pipeline().byPartnerCountry(), locale));
        charts.put("outcome", outcome(dashboard.indicators().methodologiesApprovedByFiscalYear()));
        charts.put("activity", activity(dashboard.indicators().studiesAndDemonstrations()));
        charts.put("conversion", conversion(dashboard.feasibilityStudyConversion()));
        charts.put("reductions", reductions(dashboard.reductions()));
        charts.put("budget", budget(dashboard.budget()));
        charts.put("timeInStage", timeInStage(dashboard.timeInStage()));
        Map<String, String> serialized = new LinkedHashMap<>();
        charts.forEach((name, chart) -> serialized.put(name, write(chart)));
        return serialized;
    }

    private Chart pipeline(Dashboard.Pipeline pipeline) {
        List<String> labels = new ArrayList<>();
        List<Number> cases = new ArrayList<>();
        pipeline.byStage().forEach((stage, count) -> {
            labels.add(messages.get("stage." + stage));
            cases.add(count);
        });
        return new Chart(labels, List.of(new Series(messages.get("dashboard.cases"), cases, "bar")), false, true);
    }

    private Chart countries(List<Dashboard.CountryCount> countries, Locale locale) {
        return new Chart(countries.stream().map(country -> countryName(country, locale)).toList(),
                List.of(new Series(messages.get("dashboard.cases"), numbers(countries, Dashboard.CountryCount::cases),
                        "bar")), false, true);
    }

    static String countryName(Dashboard.CountryCount country, Locale locale) {
        return "ja".equals(locale.getLanguage()) ? country.nameJa() : country.nameEn();
    }

    private Chart outcome(List<Dashboard.ApprovalYear> years) {
        return new Chart(fiscalYears(years, Dashboard.ApprovalYear::fiscalYear), List.of(
                new Series(messages.get("dashboard.outcome.inYear"), numbers(years, Dashboard.ApprovalYear::approved), "bar"),
                new Series(messages.get("dashboard.cumulative"), numbers(years, Dashboard.ApprovalYear::cumulative), "line"),
                new Series(messages.get("dashboard.target"), numbers(years, Dashboard.ApprovalYear::target), "target")),
                false, false);
    }

    private Chart activity(List<Dashboard.ActivityYear> years) {
        return new Chart(fiscalYears(years, Dashboard.ActivityYear::fiscalYear), List.of(
                new Series(messages.get("dashboard.studies"), numbers(years, Dashboard.ActivityYear::feasibilityStudies), "bar"),
                new Series(messages.get("dashboard.demonstrations"), numbers(years, Dashboard.ActivityYear::demonstrations), "bar"),
                new Series(messages.get("dashboard.target"), numbers(years, Dashboard.ActivityYear::target), "target")),
                true, false);
    }

    private Chart conversion(Dashboard.Conversion conversion) {
        return new Chart(List.of(messages.get("dashboard.conversion.completed.short"),
                messages.get("dashboard.conversion.toNedoNextStage.short"),
                messages.get("dashboard.conversion.toJcmProject.short"),
                messages.get("dashboard.conversion.toAnyNextStage.short")),
                List.of(new Series(messages.get("dashboard.count"), List.of(conversion.studiesCompleted(),
                        conversion.toNedoNextStage().count(), conversion.toJcmProject().count(),
                        conversion.toAnyNextStage().count()), "bar")), false, true);
    }

    /**
     * Reductions per year and cumulative ones are different measures: each on its own axis, the per-year figures
     * on the first, the cumulative ones on the second.
     */
    private Chart reductions(Dashboard.Reductions reductions) {
        List<Number> perYear = new ArrayList<>(List.of(reductions.estimatedTco2PerYearOfDemonstrations(),
                reductions.atEndOfDemonstrationsTco2PerYear()));
        perYear.add(null);
        perYear.add(null);
        List<Number> cumulative = new ArrayList<>();
        cumulative.add(null);
        cumulative.add(null);
        cumulative.add(reductions.verifiedTco2());
        cumulative.add(reductions.followUpCumulativeTco2());
        return new Chart(List.of(messages.get("dashboard.reductions.estimated.short"),
                messages.get("dashboard.reductions.atEnd.short"), messages.get("dashboard.reductions.verified.short"),
                messages.get("dashboard.reductions.followUp.short")),
                List.of(new Series(messages.get("dashboard.reductions.perYear"), perYear, "bar"),
                        new Series(messages.get("dashboard.reductions.cumulative"), cumulative, "bar", true)),
                false, true, List.of(messages.get("dashboard.reductions.perYear"),
                messages.get("dashboard.reductions.cumulative")));
    }

    private Chart budget(List<Dashboard.BudgetYear> years) {
        List<Number> budget = new ArrayList<>();
        for (Dashboard.BudgetYear year : years) {
            BigDecimal net = BudgetFigures.of(year).net();
            budget.add(net);
        }
        return new Chart(fiscalYears(years, Dashboard.BudgetYear::fiscalYear), List.of(
                new Series(messages.get("dashboard.budget.net"), budget, "bar"),
                new Series(messages.get("dashboard.budget.executed"), numbers(years, Dashboard.BudgetYear::executedMillionJpy),
                        "bar")), false, false);
    }

    private Chart timeInStage(List<Dashboard.TimeInStage> stages) {
        return new Chart(stages.stream().map(stage -> messages.get(stage.messageKey())).toList(), List.of(
                new Series(messages.get("dashboard.timeInStage.median"), numbers(stages, stage -> wholeDays(stage.medianDays())), "bar"),
                new Series(messages.get("dashboard.timeInStage.p90"), numbers(stages, stage -> wholeDays(stage.p90Days())), "mark")),
                false, false);
    }

    private static BigDecimal wholeDays(BigDecimal days) {
        return days == null ? null : days.setScale(0, RoundingMode.HALF_UP);
    }

    private <T> List<String> fiscalYears(List<T> rows, Function<T, Integer> year) {
        return rows.stream().map(row -> messages.get("fiscalYear", year.apply(row))).toList();
    }

    private static <T> List<Number> numbers(List<T> rows, Function<T, ? extends Number> value) {
        List<Number> numbers = new ArrayList<>();
        rows.forEach(row -> numbers.add(value.apply(row)));
        return numbers;
    }

    private String write(Chart chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chart could not be written as JSON", e);
        }
    }
}
