package org.jcmflow.dashboard;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.jcmflow.identity.CurrentUsers;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures as a spreadsheet, with the same filters as GET /api/dashboard. */
@RestController
class DashboardExport {

    private final DashboardFigures figures;
    private final DashboardWorkbook workbook;
    private final CurrentUsers currentUsers;

    DashboardExport(DashboardFigures figures, DashboardWorkbook workbook, CurrentUsers currentUsers) {
        this.figures = figures;
        this.workbook = workbook;
        this.currentUsers = currentUsers;
    }

    /** Headed in the language of the request: {@code ?lang=ja}, the language cookie or Accept-Language. */
    @GetMapping("/api/reports/dashboard.xlsx")
    void export(@RequestParam(required = false) Integer fiscalYear,
                @RequestParam(required = false) String partnerCountry, Locale locale,
                HttpServletResponse response) throws IOException {
        DashboardController.requireProgrammeOffice(currentUsers.current());
        workbook.send(figures.of(fiscalYear, StringUtils.hasText(partnerCountry) ? partnerCountry : null),
                locale, response);
    }
}
