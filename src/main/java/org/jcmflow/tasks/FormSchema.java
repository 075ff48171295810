package org.jcmflow.tasks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The input fields of a Camunda Form (form-js JSON), as the server needs them to check a submission. */
record FormSchema(String id, String rawJson, List<Field> fields) {

    enum FieldType { TEXT, NUMBER, CHECKBOX, CHOICE, DATE }

    record Field(String key, String label, FieldType type, boolean required, BigDecimal min, BigDecimal max,
                 Integer minLength, Integer maxLength, String pattern, int decimalDigits, List<String> options,
                 Optional<HideCondition> hideWhen) {
    }

    private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea");
    private static final Set<String> CHOICE_TYPES = Set.of("radio", "select");

    static FormSchema parse(JsonNode form, String rawJson) {
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        return new FormSchema(form.path("id").asText(), rawJson, List.copyOf(fields));
    }

    private static void collect(JsonNode components, List<Field> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields);
            }
            String type = component.path("type").asText();
            String key = component.path("key").asText(null);
            if (key == null) {
                continue;
            }
            JsonNode validate = component.path("validate");
            FieldType fieldType = fieldType(type, component);
            List<String> options = new ArrayList<>();
            component.path("values").forEach(value -> options.add(value.path("value").asText()));
            fields.add(new Field(key, component.path("label").asText(key), fieldType,
                    validate.path("required").asBoolean(false),
                    validate.has("min") ? validate.get("min").decimalValue() : null,
                    validate.has("max") ? validate.get("max").decimalValue() : null,
                    validate.has("minLength") ? validate.get("minLength").asInt() : null,
                    validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
                    validate.path("pattern").asText(null),
                    component.path("decimalDigits").asInt(0),
                    List.copyOf(options),
                    HideCondition.parse(component.path("conditional").path("hide").asText(null))));
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
            case "datetime" -> {
                if (!"date".equals(component.path("subtype").asText())) {
                    throw new IllegalArgumentException("Only date fields are supported, not " + component);
                }
                yield FieldType.DATE;
            }
            default -> throw new IllegalArgumentException("Unsupported form field type '" + type + "'");
        };
    }

    /** The choice fields record the decision a step took; the history shows them as its outcome. */
    List<Field> decisionFields() {
        return fields.stream().filter(field -> field.type() == FieldType.CHOICE).toList();
    }
}
