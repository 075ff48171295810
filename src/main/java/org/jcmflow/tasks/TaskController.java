package org.jcmflow.tasks;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jcmflow.casefile.Stage;
import org.jcmflow.identity.CurrentUsers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final TaskInbox inbox;
    private final TaskFormDocument forms;
    private final TaskWork work;
    private final TaskDrafts drafts;
    private final BulkClaims bulkClaims;
    private final CurrentUsers currentUsers;

    TaskController(TaskInbox inbox, TaskFormDocument forms, TaskWork work, TaskDrafts drafts, BulkClaims bulkClaims,
                   CurrentUsers currentUsers) {
        this.bulkClaims = bulkClaims;
        this.inbox = inbox;
        this.forms = forms;
        this.work = work;
        this.drafts = drafts;
        this.currentUsers = currentUsers;
    }

    /** The body of a completion: the values of the task's form fields. */
    record Completion(Map<String, Object> variables) {
    }

    /** The body of a bulk claim: the tasks to claim. */
    record TasksToClaim(List<String> taskIds) {
    }

    @GetMapping
    TaskInbox.TaskPage inbox(@RequestParam(required = false) Stage stage,
                                   @RequestParam(required = false) String partnerCountry,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(required = false) String sort,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return inbox.inbox(currentUsers.current(), stage, partnerCountry, q, InboxSort.of(sort), page, size);
    }

    /** Claims each of the tasks that may be claimed, and says why each other one may not. */
    @PostMapping("/claim")
    BulkClaims.Outcome claimEach(@RequestBody TasksToClaim tasks) {
        return bulkClaims.claim(tasks.taskIds(), currentUsers.current());
    }

    /** For the programme office: every task past its due date, as the dashboard counts them. */
    @GetMapping("/overdue")
    TaskInbox.TaskPage overdue(@RequestParam(required = false) Integer fiscalYear,
                               @RequestParam(required = false) String partnerCountry,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return inbox.overdue(currentUsers.current(), fiscalYear, partnerCountry, page, size);
    }

    @GetMapping("/{id}")
    TaskDetails task(@PathVariable String id) {
        return inbox.details(id, currentUsers.current());
    }

    @GetMapping(value = "/{id}/form", produces = MediaType.APPLICATION_JSON_VALUE)
    String form(@PathVariable String id) {
        return forms.form(id, currentUsers.current());
    }

    /** The caller's draft of the task: saved values to resume from, which decide nothing. */
    @GetMapping("/{id}/draft")
    TaskDrafts.Draft draft(@PathVariable String id) {
        return drafts.get(id, currentUsers.current());
    }

    /** Saves the form as it is so far, as the caller's draft; a task nobody has claimed becomes the caller's. */
    @PutMapping("/{id}/draft")
    TaskDrafts.Draft saveDraft(@PathVariable String id, @RequestBody(required = false) Completion draft) {
        return drafts.save(id, draft == null || draft.variables() == null ? Map.of() : draft.variables(),
                currentUsers.current());
    }

    @DeleteMapping("/{id}/draft")
    ResponseEntity<Void> discardDraft(@PathVariable String id) {
        drafts.discard(id, currentUsers.current());
        return ResponseEntity.noContent().build();
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
