package org.jcmflow.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures as one spreadsheet, a sheet per group of figures, headed in the reader's language.
 * Written with POI's streaming workbook straight into the response. Codes (stage, ISO country) stand beside the
 * names, so that a sheet can be read by a program as well as by a person. Text, including a filter as the caller
 * typed it, goes into string cells only, never into a formula: a spreadsheet shows it and runs nothing.
 */
@Component
class DashboardWorkbook {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    DashboardWorkbook(MessageSource messages, Clock clock, @Value("${jcm.portal.time-zone}") ZoneId zone) {
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /** Sends the workbook as a download named after its filter, e.g. jcm-dashboard-FY2014-KE.xlsx. */
    void send(Dashboard dashboard, Locale locale, HttpServletResponse response) throws IOException {
        StringBuilder name = new StringBuilder("jcm-dashboard");
        if (dashboard.filter().fiscalYear() != null) {
            name.append("-FY").append(dashboard.filter().fiscalYear());
        }
        if (dashboard.filter().partnerCountry() != null) {
            name.append('-').append(dashboard.filter().partnerCountry().replaceAll("[^A-Za-z0-9]", ""));
        }
        response.setContentType(CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name + ".xlsx").build().toString());
        write(dashboard, locale, response.getOutputStream());
    }

    void write(Dashboard dashboard, Locale locale, OutputStream out) throws IOException {
        // a small window of rows in memory; the rest goes to a temporary file until written out
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            new Sheets(workbook, locale).write(dashboard);
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** One workbook being written: its styles and the reader's language. */
    private final class Sheets {

        private final SXSSFWorkbook workbook;
        private final Locale locale;
        private final CellStyle header;
        private final CellStyle whole;
        private final CellStyle decimal;
        private final CellStyle days;
        private final CellStyle percent;

        Sheets(SXSSFWorkbook workbook, Locale locale) {
            this.workbook = workbook;
            this.locale = locale;
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            whole = numberStyle("#,##0");
            decimal = numberStyle("#,##0.0");
            days = numberStyle("0.00");
            percent = numberStyle("0.0%");
        }

        private CellStyle numberStyle(String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }

        void write(Dashboard dashboard) {
            summary(dashboard);
            pipeline(dashboard.pipeline());
            countries(dashboard.pipeline().byPartnerCountry());
            outcome(dashboard.indicators());
            activity(dashboard.indicators().studiesAndDemonstrations());
            conversion(dashboard.feasibilityStudyConversion());
            reductions(dashboard.reductions());
            budget(dashboard.budget());
            timeInStage(dashboard.timeInStage());
        }

        private void summary(Dashboard dashboard) {
            Sheet sheet = sheet("dashboard.sheet.summary", 42, 24);
            headers(sheet, "dashboard.sheet.figure", "dashboard.sheet.value");
            Dashboard.Filter filter = dashboard.filter();
            text(sheet, "filter.fiscalYear", filter.fiscalYear() == null ? text("filter.any")
                    : text("fiscalYear", filter.fiscalYear()));
            text(sheet, "filter.partnerCountry", filter.partnerCountry() == null ? text("filter.any")
                    : filter.partnerCountry());
            text(sheet, "dashboard.sheet.generated", GENERATED.format(clock.instant().atZone(zone)) + " (" + zone.getId() + ")");
            long cases = dashboard.pipeline().byStage().values().stream().mapToLong(Long::longValue).sum();
            Row row = row(sheet);
            label(row, "dashboard.cases");
            number(row, 1, cases, whole);
            row = row(sheet);
            label(row, "dashboard.overdue");
            number(row, 1, dashboard.overdueTasks(), whole);
            row = row(sheet);
            label(row, "dashboard.outcome.approved");
            number(row, 1, dashboard.indicators().methodologiesApproved().actual(), whole);
            row = row(sheet);
            label(row, "dashboard.outcome.target");
            number(row, 1, dashboard.indicators().methodologiesApproved().target(), whole);
        }

        private void pipeline(Dashboard.Pipeline pipeline) {
            Sheet sheet = sheet("dashboard.pipeline", 30, 28, 10);
            headers(sheet, "dashboard.stage", "dashboard.code", "dashboard.cases");
            pipeline.byStage().forEach((stage, cases) -> {
                Row row = row(sheet);
                label(row, "stage." + stage);
                row.createCell(1).setCellValue(stage);
                number(row, 2, cases, whole);
            });
        }

        private void countries(List<Dashboard.CountryCount> countries) {
            Sheet sheet = sheet("dashboard.byCountry", 10, 22, 22, 10);
            headers(sheet, "dashboard.code", "dashboard.nameEn", "dashboard.nameJa", "dashboard.cases");
            for (Dashboard.CountryCount country : countries) {
                Row row = row(sheet);
                row.createCell(0).setCellValue(country.partnerCountry());
                row.createCell(1).setCellValue(country.nameEn());
                row.createCell(2).setCellValue(country.nameJa());
                number(row, 3, country.cases(), whole);
            }
        }

        private void outcome(Dashboard.Indicators indicators) {
            Sheet sheet = sheet("dashboard.sheet.outcome", 14, 18, 18, 12);
            headers(sheet, "dashboard.fiscalYear", "dashboard.outcome.inYear", "dashboard.cumulative", "dashboard.target");
            for (Dashboard.ApprovalYear year : indicators.methodologiesApprovedByFiscalYear()) {
                Row row = row(sheet);
                number(row, 0, year.fiscalYear(), null);
                number(row, 1, year.approved(), whole);
                number(row, 2, year.cumulative(), whole);
                number(row, 3, year.target(), whole);
            }
        }

        private void activity(List<Dashboard.ActivityYear> years) {
            Sheet sheet = sheet("dashboard.sheet.activity", 14, 18, 18, 12, 12, 24);
            headers(sheet, "dashboard.fiscalYear", "dashboard.studies", "dashboard.demonstrations", "dashboard.total",
                    "dashboard.target", "dashboard.activity.withoutContract");
            for (Dashboard.ActivityYear year : years) {
                Row row = row(sheet);
                number(row, 0, year.fiscalYear(), null);
                number(row, 1, year.feasibilityStudies(), whole);
                number(row, 2, year.demonstrations(), whole);
                number(row, 3, year.total(), whole);
                number(row, 4, year.target(), whole);
                number(row, 5, year.withoutContract(), whole);
            }
        }

        private void conversion(Dashboard.Conversion conversion) {
            Sheet sheet = sheet("dashboard.conversion", 60, 10, 10);
            headers(sheet, "dashboard.conversion.outcome", "dashboard.count", "dashboard.share");
            Row completed = row(sheet);
            label(completed, "dashboard.conversion.completed");
            number(completed, 1, conversion.studiesCompleted(), whole);
            share(sheet, "dashboard.conversion.toNedoNextStage", conversion.toNedoNextStage());
            share(sheet, "dashboard.conversion.toJcmProject", conversion.toJcmProject());
            share(sheet, "dashboard.conversion.toAnyNextStage", conversion.toAnyNextStage());
        }

        private void share(Sheet sheet, String label, Dashboard.Share share) {
            Row row = row(sheet);
            label(row, label);
            number(row, 1, share.count(), whole);
            number(row, 2, share.share(), percent);
        }

        private void reductions(Dashboard.Reductions reductions) {
            Sheet sheet = sheet("dashboard.reductions", 52, 16, 14);
            headers(sheet, "dashboard.sheet.figure", "dashboard.sheet.value", "dashboard.unit");
            reduction(sheet, "dashboard.reductions.estimated", reductions.estimatedTco2PerYearOfDemonstrations(),
                    "dashboard.unit.perYear");
            reduction(sheet, "dashboard.reductions.atEnd", reductions.atEndOfDemonstrationsTco2PerYear(),
                    "dashboard.unit.perYear");
            reduction(sheet, "dashboard.reductions.verified", reductions.verifiedTco2(), "dashboard.unit.total");
            reduction(sheet, "dashboard.reductions.followUp", reductions.followUpCumulativeTco2(),
                    "dashboard.unit.total");
        }

        private void reduction(Sheet sheet, String label, BigDecimal value, String unit) {
            Row row = row(sheet);
            label(row, label);
            number(row, 1, value, decimal);
            row.createCell(2).setCellValue(text(unit));
        }

        private void budget(List<Dashboard.BudgetYear> years) {
            Sheet sheet = sheet("dashboard.sheet.budget", 14, 14, 18, 18, 14, 14);
            headers(sheet, "dashboard.fiscalYear", "dashboard.budget.budget", "dashboard.budget.returned",
                    "dashboard.budget.net", "dashboard.budget.executed", "dashboard.budget.rate");
            for (Dashboard.BudgetYear year : years) {
                BudgetFigures figures = BudgetFigures.of(year);
                Row row = row(sheet);
                number(row, 0, year.fiscalYear(), null);
                number(row, 1, year.budgetMillionJpy(), decimal);
                number(row, 2, year.returnedMillionJpy(), decimal);
                number(row, 3, figures.net(), decimal);
                number(row, 4, year.executedMillionJpy(), decimal);
                number(row, 5, figures.executionRate(), percent);
            }
        }

        private void timeInStage(List<Dashboard.TimeInStage> stages) {
            Sheet sheet = sheet("dashboard.sheet.timeInStage", 30, 28, 10, 14, 16);
            headers(sheet, "dashboard.stage", "dashboard.code", "dashboard.timeInStage.periods",
                    "dashboard.timeInStage.median", "dashboard.timeInStage.p90");
            for (Dashboard.TimeInStage stage : stages) {
                Row row = row(sheet);
                label(row, stage.messageKey());
                row.createCell(1).setCellValue(stage.stage());
                number(row, 2, stage.periods(), whole);
                number(row, 3, stage.medianDays(), days);
                number(row, 4, stage.p90Days(), days);
            }
        }

        private Sheet sheet(String titleCode, int... columnWidths) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(text(titleCode)));
            for (int column = 0; column < columnWidths.length; column++) {
                sheet.setColumnWidth(column, columnWidths[column] * 256);
            }
            sheet.createFreezePane(0, 1);
            return sheet;
        }

        private void headers(Sheet sheet, String... codes) {
            Row row = sheet.createRow(0);
            for (int column = 0; column < codes.length; column++) {
                row.createCell(column).setCellValue(text(codes[column]));
                row.getCell(column).setCellStyle(header);
            }
        }

        private Row row(Sheet sheet) {
            return sheet.createRow(sheet.getLastRowNum() + 1);
        }

        private void text(Sheet sheet, String labelCode, String value) {
            Row row = row(sheet);
            label(row, labelCode);
            row.createCell(1).setCellValue(value);
        }

        private void label(Row row, String code) {
            row.createCell(0).setCellValue(text(code));
        }

        /** A number cell; an unknown figure stays empty rather than showing as zero. */
        private void number(Row row, int column, Number value, CellStyle style) {
            if (value == null) {
                return;
            }
            row.createCell(column).setCellValue(value.doubleValue());
            if (style != null) {
                row.getCell(column).setCellStyle(style);
            }
        }

        private String text(String code, Object... arguments) {
            return messages.getMessage(code, arguments, locale);
        }
    }
}
