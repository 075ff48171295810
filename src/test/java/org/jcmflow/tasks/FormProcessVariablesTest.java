package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;

/**
 * A step's values become process variables only where a process reads them after the step; the rest live in the
 * case's history. What the processes read is what their models name: an expression (a gateway's condition, a call
 * activity's mapping, a listener's argument) or a mapping's source. The models of earlier versions count too, since
 * cases still run on them.
 */
class FormProcessVariablesTest {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern MAPPING_SOURCE = Pattern.compile("\\b(?:source|target)=\"(\\w+)\"");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*");

    @Test
    void everyFieldAProcessNamesIsAProcessVariableAndNoOtherIs() throws IOException {
        Set<String> named = namesInTheProcessModels();
        Map<String, Boolean> marked = new TreeMap<>();
        Map<String, String> unmarked = new TreeMap<>();
        forms().forEach(form -> form.fields().forEach(field -> {
            marked.put(field.key(), field.processVariable());
            if (named.contains(field.key()) != field.processVariable()) {
                unmarked.put(form.id() + "." + field.key(), field.processVariable() ? "marked, named by no process"
                        : "named by a process, not marked " + FormSchema.PROCESS_VARIABLE);
            }
        }));

        assertThat(unmarked).isEmpty();
        // the decisions the gateways read, the MOU's date the installation's rule reads, the register's periods
        assertThat(marked).containsEntry("screeningDecision", true).containsEntry("stageGateDecision", true)
                .containsEntry("mouSignedDate", true).containsEntry("monitoringPeriods", true)
                .containsEntry("reviewComments", false).containsEntry("scoreGhgReduction", false);
    }

    @Test
    void aKeyIsAProcessVariableInEveryFormThatHasItOrInNone() throws IOException {
        // a transient value cannot replace a process variable of the same name: the engine refuses it
        Map<String, Set<Boolean>> marks = new HashMap<>();
        forms().forEach(form -> form.fields().forEach(field ->
                marks.computeIfAbsent(field.key(), key -> new TreeSet<>()).add(field.processVariable())));

        assertThat(marks).allSatisfy((key, kinds) -> assertThat(kinds).as(key).hasSize(1));
    }

    @Test
    void theCompletionHandsTheOtherValuesToTheEngineAsTransient() {
        FormSchema screening = Forms.read("feasibility-screen-proposal");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("screeningDecision", "ACCEPT");
        values.put("screeningComments", null);

        VariableMap variables = screening.completionVariables(values);

        assertThat(variables.getValueTyped("screeningDecision").isTransient()).isFalse();
        assertThat(variables.getValueTyped("screeningComments").isTransient()).isTrue();
        assertThat(variables).containsEntry("screeningDecision", "ACCEPT").containsEntry("screeningComments", null);
    }

    private static Set<String> namesInTheProcessModels() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> current = Files.list(Path.of("bpmn"));
             Stream<Path> earlier = Files.list(Path.of("src/test/resources/bpmn-previous"))) {
            for (Path model : Stream.concat(current, earlier).filter(path -> path.toString().endsWith(".bpmn"))
                    .toList()) {
                String xml = Files.readString(model);
                for (Pattern pattern : List.of(EXPRESSION, MAPPING_SOURCE)) {
                    Matcher found = pattern.matcher(xml);
                    while (found.find()) {
                        NAME.matcher(found.group(1)).results().forEach(name -> names.add(name.group()));
                    }
                }
            }
        }
        return names;
    }

    private static List<FormSchema> forms() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.map(Path::getFileName).map(Path::toString).filter(name -> name.endsWith(".form"))
                    .map(name -> Forms.read(name.substring(0, name.length() - ".form".length()))).toList();
        }
    }
}
