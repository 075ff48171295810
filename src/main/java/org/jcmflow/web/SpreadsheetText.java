package org.jcmflow.web;

/**
 * Text for a cell of an exported file that a spreadsheet program opens. A cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is taken for a formula and run when the file is opened (a title
 * such as {@code =HYPERLINK(...)} would send the sheet's data elsewhere); a quote in front makes it text, as OWASP's
 * advice on CSV injection has it. Only text goes through here: numbers are written as numbers.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String inert(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
