package org.jcmflow.tasks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The input fields of a Camunda Form (form-js JSON), as the server needs them to check a submission and the
 * task page to render it, with the form's text blocks.
 */
record FormSchema(String id, String rawJson, List<Field> fields, List<Text> texts) {

    enum FieldType { TEXT, NUMBER, CHECKBOX, CHOICE, CHECKLIST, DATE }

    /**
     * @param component       the form-js type ({@code textfield}, {@code textarea}, {@code radio}, ...), which
     *                        tells apart fields of one {@link FieldType}
     * @param processVariable whether the processes read the value after the step (a gateway, a call activity's
     *                        mapping): the form marks it with the custom property
     *                        {@value FormSchema#PROCESS_VARIABLE}. Every other value lives in the case's history
     *                        alone; the step's own listeners see it while the step completes.
     */
    record Field(String key, String label, FieldType type, String component, String description, boolean required,
                 BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength, String pattern,
                 int decimalDigits, List<Option> options, String valuesKey, Optional<HideCondition> hideWhen,
                 boolean processVariable) {

        List<String> optionValues() {
            return options.stream().map(Option::value).toList();
        }

        Field withOptions(List<Option> offered) {
            return new Field(key, label, type, component, description, required, min, max, minLength, maxLength,
                    pattern, decimalDigits, List.copyOf(offered), valuesKey, hideWhen, processVariable);
        }
    }

    record Option(String value, String label) {
    }

    /**
     * A text block (Markdown in form-js).
     *
     * @param position the number of fields before it
     */
    record Text(String id, String markdown, int position) {
    }

    /** The form-js custom property (Camunda Modeler's "Custom properties") of a field the processes read later. */
    static final String PROCESS_VARIABLE = "processVariable";

    private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea");
    private static final Set<String> CHOICE_TYPES = Set.of("radio", "select");

    static FormSchema parse(JsonNode form, String rawJson) {
        List<Field> fields = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        collect(form.path("components"), fields, texts);
        return new FormSchema(form.path("id").asText(), rawJson, List.copyOf(fields), List.copyOf(texts));
    }

    private static void collect(JsonNode components, List<Field> fields, List<Text> texts) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields, texts);
            }
            String type = component.path("type").asText();
            if ("text".equals(type)) {
                texts.add(new Text(component.path("id").asText(), component.path("text").asText(""), fields.size()));
                continue;
            }
            String key = component.path("key").asText(null);
            if (key == null) {
                continue;
            }
            JsonNode validate = component.path("validate");
            FieldType fieldType = fieldType(type, component);
            List<Option> options = new ArrayList<>();
            component.path("values").forEach(value -> options.add(new Option(value.path("value").asText(),
                    value.path("label").asText(value.path("value").asText()))));
            fields.add(new Field(key, component.path("label").asText(key), fieldType, type,
                    component.path("description").asText(null),
                    validate.path("required").asBoolean(false),
                    validate.has("min") ? validate.get("min").decimalValue() : null,
                    validate.has("max") ? validate.get("max").decimalValue() : null,
                    validate.has("minLength") ? validate.get("minLength").asInt() : null,
                    validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
                    validate.path("pattern").asText(null),
                    component.path("decimalDigits").asInt(0),
                    List.copyOf(options),
                    component.path("valuesKey").asText(null),
                    HideCondition.parse(component.path("conditional").path("hide").asText(null)),
                    component.path("properties").path(PROCESS_VARIABLE).asBoolean(false)));
        }
    }

    private static FieldType fieldType(String type, JsonNode component) {
        if (TEXT_TYPES.contains(type)) {
            return FieldType.TEXT;
        }
        if (CHOICE_TYPES.contains(type)) {
            return FieldType.CHOICE;
        }
        return switch (type) {
            case "number" -> FieldType.NUMBER;
            case "checkbox" -> FieldType.CHECKBOX;
            case "checklist" -> FieldType.CHECKLIST;
            case "datetime" -> {
                if (!"date".equals(component.path("subtype").asText())) {
                    throw new IllegalArgumentException("Only date fields are supported, not " + component);
                }
                yield FieldType.DATE;
            }
            default -> throw new IllegalArgumentException("Unsupported form field type '" + type + "'");
        };
    }

    /**
     * The form with the options of its {@code valuesKey} fields filled in: form-js reads those from a process
     * variable holding a list of {@code {label, value}} entries, and so do we.
     */
    FormSchema withOptionsFrom(Function<String, Object> variable) {
        if (fields.stream().allMatch(field -> field.valuesKey() == null)) {
            return this;
        }
        List<Field> resolved = fields.stream().map(field -> field.valuesKey() == null ? field
                : field.withOptions(offeredOptions(variable.apply(field.valuesKey())))).toList();
        return new FormSchema(id, rawJson, resolved, texts);
    }

    private static List<Option> offeredOptions(Object offered) {
        List<Option> options = new ArrayList<>();
        if (offered instanceof Collection<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map && map.get("value") != null) {
                    Object label = map.get("label");
                    options.add(new Option(map.get("value").toString(),
                            label == null ? map.get("value").toString() : label.toString()));
                }
            }
        }
        return options;
    }

    /**
     * A step's checked values as its completion hands them to the engine: the fields the processes read later as
     * process variables, every other as a transient variable, which the step's listeners and the gateway after it
     * read while the step completes and which is never written to the engine's tables. The values are kept in the
     * case's history as one document (StepHistoryRecorder).
     */
    VariableMap completionVariables(Map<String, Object> values) {
        Set<String> kept = processVariables();
        VariableMap variables = Variables.createVariables();
        values.forEach((name, value) -> {
            if (kept.contains(name)) {
                variables.put(name, value);
            } else {
                variables.putValueTyped(name, value == null ? Variables.untypedNullValue(true)
                        : Variables.untypedValue(value, true));
            }
        });
        return variables;
    }

    /** The keys of the fields the processes read after the step. */
    Set<String> processVariables() {
        return fields.stream().filter(Field::processVariable).map(Field::key).collect(Collectors.toSet());
    }

    /** A form with a choice among the case's documents asks for one: its task is a reason to upload. */
    boolean asksForDocument() {
        return fields.stream().anyMatch(field -> TaskForms.CASE_DOCUMENTS.equals(field.valuesKey()));
    }

    /**
     * The choice fields among the form's own options record the decision a step took; the history shows them as
     * its outcome. A choice among things offered at run time (a document of the case) is no decision.
     */
    List<Field> decisionFields() {
        return fields.stream().filter(field -> field.type() == FieldType.CHOICE && field.valuesKey() == null).toList();
    }
}
