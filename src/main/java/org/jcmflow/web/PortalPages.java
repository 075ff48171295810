package org.jcmflow.web;

import org.jcmflow.identity.LoginPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages around the portal's work: the login page, and the start page, which is the task inbox. */
@PageController
class PortalPages {

    private final LoginPage loginPage;

    PortalPages(LoginPage loginPage) {
        this.loginPage = loginPage;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("loginPage", loginPage);
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/tasks";
    }
}
