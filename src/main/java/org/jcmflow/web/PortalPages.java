package org.jcmflow.web;

import org.springframework.web.bind.annotation.GetMapping;

/** The pages around the portal's work: the login page, and the start page, which is the task inbox. */
@PageController
class PortalPages {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/tasks";
    }
}
