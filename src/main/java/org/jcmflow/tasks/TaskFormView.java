package org.jcmflow.tasks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jcmflow.web.PageMessages;

/**
 * A Camunda Form as the task page renders it: the form's blocks in order, each field with its label,
 * description, limits and options in the reader's language, the value to show and the error next to it.
 * <p>
 * Forms are written in English. A translation is optional and lives in the messages, looked up first for
 * this form, then for any form: {@code form.<formId>.<fieldKey>} or {@code form.field.<fieldKey>} (label),
 * the same with {@code .description}, {@code form.<formId>.<fieldKey>.<VALUE>} or {@code form.option.<VALUE>}
 * (an option), and {@code form.<formId>.<textId>} (a text block).
 */
record TaskFormView(String formId, List<Block> blocks) {

    /** A block of the form; {@link #kind()} tells the template which one. */
    sealed interface Block permits TextBlock, FieldBlock {
        String kind();
    }

    /** A text block; its first line may be a Markdown heading. */
    record TextBlock(String heading, List<String> paragraphs) implements Block {

        @Override
        public String kind() {
            return "text";
        }
    }

    record Choice(String value, String label) {
    }

    /**
     * @param value  the value to show: what the user entered, kept when the page comes back with errors
     *                ({@code "true"} for a ticked checkbox)
     * @param showIf when the form hides the field depending on another one: which one, the value and a note
     */
    record FieldBlock(String key, String component, String label, String description, boolean required,
                      String min, String max, Integer maxLength, List<Choice> choices, String value,
                      String error, Condition showIf) implements Block {

        @Override
        public String kind() {
            return "field";
        }

        /** For a checklist, whose kept value holds the ticked choices one per line. */
        public boolean ticked(String choice) {
            return value != null && value.lines().anyMatch(choice::equals);
        }
    }

    /** The field is shown only while {@code key} equals {@code value} (or differs from it, if not {@code equal}). */
    record Condition(String key, boolean equal, String value, String note) {
    }

    static TaskFormView of(FormSchema form, Map<String, String> values, Map<String, String> errors,
                           PageMessages messages) {
        FormLabels labels = new FormLabels(form.id(), messages);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i <= form.fields().size(); i++) {
            for (FormSchema.Text text : form.texts()) {
                if (text.position() == i) {
                    blocks.add(textBlock(labels.text(text)));
                }
            }
            if (i < form.fields().size()) {
                FormSchema.Field field = form.fields().get(i);
                blocks.add(fieldBlock(form, field, values.get(field.key()), errors.get(field.key()), labels, messages));
            }
        }
        return new TaskFormView(form.id(), List.copyOf(blocks));
    }

    private static FieldBlock fieldBlock(FormSchema form, FormSchema.Field field, String value, String error,
                                         FormLabels labels, PageMessages messages) {
        List<Choice> choices = field.options().stream()
                .map(option -> new Choice(option.value(), labels.option(field.key(), option))).toList();
        Condition showIf = field.hideWhen().map(hide -> {
            FormSchema.Field other = form.fields().stream().filter(f -> f.key().equals(hide.key())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Form " + form.id() + " hides " + field.key()
                            + " depending on the unknown field " + hide.key()));
            String otherValue = other.options().stream().filter(option -> option.value().equals(hide.value()))
                    .findFirst().map(option -> labels.option(other.key(), option)).orElse(hide.value());
            // the form hides the field when the condition holds; the page says when it is needed instead
            String note = messages.get(hide.equal() ? "task.form.unlessValue" : "task.form.onlyWhen",
                    labels.label(other), otherValue);
            return new Condition(hide.key(), !hide.equal(), hide.value(), note);
        }).orElse(null);
        return new FieldBlock(field.key(), field.component(), labels.label(field), labels.description(field),
                field.required(), plain(field.min()), plain(field.max()), field.maxLength(), choices,
                value == null && field.type() == FormSchema.FieldType.CHECKBOX ? "false" : value, error, showIf);
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    /** Splits form-js Markdown into a heading ({@code #} lines) and paragraphs; nothing else is used in our forms. */
    private static TextBlock textBlock(String markdown) {
        String heading = null;
        List<String> paragraphs = new ArrayList<>();
        for (String part : markdown.strip().split("\\n\\s*\\n")) {
            String line = part.strip();
            if (heading == null && paragraphs.isEmpty() && line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "");
            } else if (!line.isEmpty()) {
                paragraphs.add(line);
            }
        }
        return new TextBlock(heading, List.copyOf(paragraphs));
    }
}
