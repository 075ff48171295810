package org.jcmflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.jcmflow.identity.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules every process in bpmn/ follows, so that it runs, renders and names its people and forms. */
class BpmnConventionsTest {

    private static final Set<String> ROLES = Arrays.stream(Role.values()).map(Role::groupId).collect(Collectors.toSet());

    static Stream<Path> processes() throws IOException {
        return Files.list(Path.of("bpmn")).filter(path -> path.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyProcessIsExecutableWithHistoryTimeToLive(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
            assertThat(process.isExecutable()).as(process.getId()).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
            assertThat(process.getName()).as(process.getId()).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyUserTaskHasARoleAFormAndReportTasksADueDate(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroupsList()).as(task.getId()).hasSize(1);
            assertThat(ROLES).as(task.getId()).contains(task.getCamundaCandidateGroups());
            Path form = Path.of("forms", task.getCamundaFormRef() + ".form");
            assertThat(form).as(task.getId()).exists();
            JsonNode schema = new ObjectMapper().readTree(form.toFile());
            assertThat(schema.path("id").asText()).isEqualTo(task.getCamundaFormRef());
            assertThat(schema.path("components").findValuesAsText("key")).as(task.getId()).isNotEmpty();
            if (task.getName().startsWith("Submit") || task.getName().startsWith("Carry out")) {
                assertThat(task.getCamundaDueDate()).as("due date of " + task.getId()).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyElementIsDrawnAndNamed(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
        drawn.addAll(model.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId()).toList());
        Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
        List<String> elements = Stream.concat(nodes.stream(), model.getModelElementsByType(SequenceFlow.class).stream())
                .map(BaseElement::getId).toList();
        assertThat(drawn).containsAll(elements);
        for (FlowNode node : nodes) {
            assertThat(node.getName()).as(node.getId()).isNotBlank();
            assertThat(node.getId()).as("id says what the element is").matches(
                    "(Start|End|Task|Gateway|CallActivity|SubProcess|Boundary)_[A-Z][A-Za-z]+");
        }
    }
}
