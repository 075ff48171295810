package org.jcmflow.notification;

import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jcmflow.identity.CurrentUsers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own in-app inbox through the API: what the mails said, and marking it read. */
@RestController
@RequestMapping("/api/notifications")
class InboxController {

    private final Inbox inbox;
    private final CurrentUsers currentUsers;

    InboxController(Inbox inbox, CurrentUsers currentUsers) {
        this.inbox = inbox;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    Inbox.Page notifications(@RequestParam(defaultValue = "false") boolean unread,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, Locale locale) {
        return inbox.page(currentUsers.current().username(), unread, page, size, locale);
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> markRead(@PathVariable long id) {
        inbox.markRead(id, currentUsers.current().username());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    ResponseEntity<Void> markAllRead() {
        inbox.markAllRead(currentUsers.current().username());
        return ResponseEntity.noContent().build();
    }
}
