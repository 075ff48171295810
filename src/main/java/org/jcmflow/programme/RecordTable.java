package org.jcmflow.programme;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jcmflow.web.SpreadsheetText;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * One of the programme's records as a table, for its CSV and spreadsheet exports: the columns are the API's field
 * names, so that a file read back by a program means what the API means. Text goes through
 * {@link SpreadsheetText} in CSV (a spreadsheet cell of text is never a formula), numbers stay numbers.
 */
public record RecordTable(String name, List<String> columns, List<List<Object>> rows) {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RecordTable of(String name, String... columns) {
        return new RecordTable(name, List.of(columns), new ArrayList<>());
    }

    public RecordTable row(Object... cells) {
        rows.add(Arrays.asList(cells));
        return this;
    }

    /** UTF-8 with a byte-order mark, so that spreadsheet programs show Japanese text correctly. */
    public void sendCsv(String fileName, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        OutputStream out = response.getOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             SequenceWriter lines = new CsvMapper().writer(schema.build().withHeader()).writeValues(writer)) {
            for (List<Object> row : rows) {
                lines.write(row.stream().map(cell -> cell == null ? null
                        : cell instanceof Number ? cell : SpreadsheetText.inert(cell.toString())).toArray());
            }
        }
    }

    /** The tables as sheets of one workbook. */
    public static void sendXlsx(String fileName, List<RecordTable> tables, HttpServletResponse response)
            throws IOException {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            for (RecordTable table : tables) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.name()));
                Row header = sheet.createRow(0);
                for (int i = 0; i < table.columns().size(); i++) {
                    header.createCell(i).setCellValue(table.columns().get(i));
                }
                int next = 1;
                for (List<Object> cells : table.rows()) {
                    Row row = sheet.createRow(next++);
                    for (int i = 0; i < cells.size(); i++) {
                        Object cell = cells.get(i);
                        if (cell instanceof BigDecimal number) {
                            row.createCell(i).setCellValue(number.doubleValue());
                        } else if (cell instanceof Number number) {
                            row.createCell(i).setCellValue(number.doubleValue());
                        } else if (cell != null) {
                            row.createCell(i).setCellValue(cell.toString());
                        }
                    }
                }
            }
            workbook.write(response.getOutputStream());
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }
}
