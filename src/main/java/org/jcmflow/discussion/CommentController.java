package org.jcmflow.discussion;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.jcmflow.identity.CurrentUsers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A case's discussion through the API, with the same rules as on the case page. */
@RestController
@RequestMapping("/api/cases/{id}/comments")
class CommentController {

    private final Discussion discussion;
    private final CurrentUsers currentUsers;

    CommentController(Discussion discussion, CurrentUsers currentUsers) {
        this.discussion = discussion;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    List<Comment> comments(@PathVariable UUID id, @RequestParam(required = false) @Size(max = 64) String taskId) {
        return discussion.comments(id, taskId, currentUsers.current());
    }

    @PostMapping
    ResponseEntity<Comment> post(@PathVariable UUID id, @Valid @RequestBody NewComment comment) {
        Comment written = discussion.post(id, comment, currentUsers.current());
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/comments")).body(written);
    }
}
