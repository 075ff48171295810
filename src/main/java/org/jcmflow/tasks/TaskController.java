package org.jcmflow.tasks;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jcmflow.casefile.Stage;
import org.jcmflow.identity.CurrentUsers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final TaskInbox inbox;
    private final TaskForms forms;
    private final TaskWork work;
    private final CurrentUsers currentUsers;

    TaskController(TaskInbox inbox, TaskForms forms, TaskWork work, CurrentUsers currentUsers) {
        this.inbox = inbox;
        this.forms = forms;
        this.work = work;
        this.currentUsers = currentUsers;
    }

    /** The body of a completion: the values of the task's form fields. */
    record Completion(Map<String, Object> variables) {
    }

    @GetMapping
    TaskInbox.TaskPage inbox(@RequestParam(required = false) Stage stage,
                                   @RequestParam(required = false) String partnerCountry,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return inbox.inbox(currentUsers.current(), stage, partnerCountry, q, page, size);
    }

    @GetMapping("/{id}")
    TaskView task(@PathVariable String id) {
        return inbox.view(id, currentUsers.current());
    }

    @GetMapping(value = "/{id}/form", produces = MediaType.APPLICATION_JSON_VALUE)
    String form(@PathVariable String id) {
        return forms.form(id, currentUsers.current());
    }

    @PostMapping("/{id}/claim")
    ResponseEntity<Void> claim(@PathVariable String id) {
        work.claim(id, currentUsers.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unclaim")
    ResponseEntity<Void> unclaim(@PathVariable String id) {
        work.unclaim(id, currentUsers.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Completion completion) {
        work.complete(id, completion == null ? Map.of() : completion.variables(), currentUsers.current());
        return ResponseEntity.noContent().build();
    }
}
