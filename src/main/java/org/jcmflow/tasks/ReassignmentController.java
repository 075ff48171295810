package org.jcmflow.tasks;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.jcmflow.identity.CurrentUsers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reassigning tasks, and absences with their stand-ins, through the API. */
@RestController
class ReassignmentController {

    private final TaskReassignment reassignment;
    private final Absences absences;
    private final CurrentUsers currentUsers;

    ReassignmentController(TaskReassignment reassignment, Absences absences, CurrentUsers currentUsers) {
        this.reassignment = reassignment;
        this.absences = absences;
        this.currentUsers = currentUsers;
    }

    /** @param assignee the person to give the task to; null hands it back to its roles */
    record Reassignment(@Size(max = 100) String assignee) {
    }

    @PostMapping("/api/tasks/{id}/assignee")
    ResponseEntity<Void> reassign(@PathVariable String id, @Valid @RequestBody Reassignment body) {
        reassignment.reassign(id, body.assignee() == null || body.assignee().isBlank() ? null : body.assignee(),
                currentUsers.current());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/absences")
    List<Absence> absences() {
        return absences.current(currentUsers.current());
    }

    @PostMapping("/api/absences")
    ResponseEntity<Absence> record(@Valid @RequestBody NewAbsence absence) {
        Absence recorded = absences.record(absence, currentUsers.current());
        return ResponseEntity.created(URI.create("/api/absences")).body(recorded);
    }
}
