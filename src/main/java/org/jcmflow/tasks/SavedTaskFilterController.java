package org.jcmflow.tasks;

import java.util.List;

import org.jcmflow.identity.CurrentUsers;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's saved inbox filters: listed, saved under a name, deleted. */
@RestController
@RequestMapping("/api/task-filters")
class SavedTaskFilterController {

    private final SavedTaskFilters filters;
    private final CurrentUsers currentUsers;

    SavedTaskFilterController(SavedTaskFilters filters, CurrentUsers currentUsers) {
        this.filters = filters;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    List<SavedTaskFilters.SavedTaskFilter> list() {
        return filters.of(currentUsers.current());
    }

    @PostMapping
    ResponseEntity<SavedTaskFilters.SavedTaskFilter> save(@RequestBody SavedTaskFilters.NewFilter filter) {
        return ResponseEntity.status(HttpStatus.CREATED).body(filters.save(filter, currentUsers.current()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        filters.delete(id, currentUsers.current());
        return ResponseEntity.noContent().build();
    }
}
