package org.jcmflow.casefile;

import java.util.regex.Pattern;

import org.jcmflow.problem.InvalidInput.FieldProblem;

/**
 * The Unicode controls that change the direction of the text around them: embeddings and overrides (U+202A to
 * U+202E), isolates (U+2066 to U+2069) and the marks (U+200E, U+200F, U+061C). In a title or a file name they
 * make it show as something else: "invoice", U+202E and "fdp.exe" reads "invoiceexe.pdf". Nobody types them.
 */
final class BidiControls {

    private static final Pattern CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]");

    private BidiControls() {
    }

    static boolean in(String text) {
        return text != null && CONTROLS.matcher(text).find();
    }

    static FieldProblem problem(String field) {
        return FieldProblem.coded(field, "must not contain characters that change the direction of the text, such as "
                + "a right-to-left override", "bidiControls");
    }
}
