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
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.jcmflow.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

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
                    "(Start|End|Task|Gateway|CallActivity|SubProcess|Boundary|Timer)_[A-Z][A-Za-z]+");
        }
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyTaskWithADueDateHasItsConfiguredDurationAReminderAndAnEscalationThatLeaveItOpen(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String due = task.getCamundaDueDate();
            if (due == null) {
                continue;
            }
            List<String> handlers = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(boundary -> boundary.getAttachedTo() == task)
                    .filter(boundary -> !boundary.getEventDefinitions().isEmpty()
                            && boundary.getEventDefinitions().iterator().next() instanceof TimerEventDefinition)
                    .filter(BoundaryEvent::cancelActivity).map(BaseElement::getId).toList();
            assertThat(handlers).as("interrupting timers on " + task.getId() + " besides the evaluation deadline")
                    .allMatch(id -> id.equals("Boundary_EvaluationDeadline"));
            List<String> nonInterrupting = deadlineHandlers(model, task);
            if (due.equals("${evaluationDeadline}")) {
                // the evaluation closes at its deadline: a reminder, no escalation
                assertThat(nonInterrupting).containsExactly("${deadlines.remind(execution, '" + task.getId() + "')}");
            } else if (due.startsWith("${jcmDueDates.")) {
                // a period of the JCM procedure, set per partner country
                assertThat(due).as(task.getId()).isEqualTo("${jcmDueDates.of(execution, '" + task.getId() + "')}");
                assertThat(nonInterrupting).as(task.getId()).containsExactlyInAnyOrder(
                        "${deadlines.remind(execution, '" + task.getId() + "')}",
                        "${deadlines.escalate(execution, '" + task.getId() + "')}");
            } else {
                assertThat(due).as(task.getId()).isEqualTo("${dueDates.of('" + task.getId() + "')}");
                assertThat(nonInterrupting).as(task.getId()).containsExactlyInAnyOrder(
                        "${deadlines.remind(execution, '" + task.getId() + "')}",
                        "${deadlines.escalate(execution, '" + task.getId() + "')}");
            }
        }
    }

    /** The handlers of the non-interrupting timers on the task: a message end event right after each. */
    private static List<String> deadlineHandlers(BpmnModelInstance model, UserTask task) {
        return model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(boundary -> boundary.getAttachedTo() == task && !boundary.cancelActivity())
                .map(boundary -> {
                    TimerEventDefinition timer = (TimerEventDefinition) boundary.getEventDefinitions().iterator().next();
                    assertThat(timer.getTimeDate()).as(boundary.getId()).isNotNull();
                    FlowNode next = boundary.getOutgoing().iterator().next().getTarget();
                    assertThat(next).as(boundary.getId()).isInstanceOf(EndEvent.class);
                    MessageEventDefinition message = (MessageEventDefinition) ((EndEvent) next).getEventDefinitions()
                            .iterator().next();
                    String handler = message.getCamundaExpression();
                    String expectedTimer = task.getCamundaDueDate().startsWith("${jcmDueDates.")
                            ? handler.contains("escalate") ? task.getCamundaDueDate()
                                    : "${jcmDueDates.reminderOf(execution, '" + task.getId() + "')}"
                            : handler.contains("escalate")
                            ? "${dueDates.of('" + task.getId() + "')}"
                            : task.getCamundaDueDate().equals("${evaluationDeadline}")
                                    ? "${dueDates.reminderBefore(evaluationDeadline)}"
                                    : "${dueDates.reminderOf('" + task.getId() + "')}";
                    assertThat(timer.getTimeDate().getTextContent()).as(boundary.getId()).isEqualTo(expectedTimer);
                    return handler;
                }).toList();
    }

    @Test
    void theDurationOfEveryTaskWithADueDateIsConfiguredInOnePlace() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        DeadlineProperties configured = Binder.get(environment).bind("jcm.deadlines", DeadlineProperties.class).get();
        Set<String> withDueDates = processes().flatMap(file -> Bpmn.readModelFromFile(file.toFile())
                        .getModelElementsByType(UserTask.class).stream())
                .filter(task -> task.getCamundaDueDate() != null && task.getCamundaDueDate().startsWith("${dueDates.of("))
                .map(BaseElement::getId).collect(Collectors.toSet());
        assertThat(configured.tasks().keySet()).containsExactlyInAnyOrderElementsOf(withDueDates);
        assertThat(configured.allowedFor("Task_SubmitFeasibilityReport")).isEqualTo(java.time.Duration.ofDays(180));
        assertThat(configured.reminderBefore()).isEqualTo(java.time.Duration.ofDays(7));
    }
}
