package org.jcmflow.identity;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/me")
class MeController {

    private final CurrentUsers currentUsers;

    MeController(CurrentUsers currentUsers) {
        this.currentUsers = currentUsers;
    }

    record Me(String username, List<String> roles, String organization) {
    }

    @GetMapping
    Me me() {
        CurrentUser user = currentUsers.current();
        return new Me(user.username(), user.groupIds(), user.organization());
    }
}
