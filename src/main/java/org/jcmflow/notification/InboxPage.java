package org.jcmflow.notification;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.web.PageController;
import org.jcmflow.web.PageMessages;
import org.jcmflow.web.Pagination;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bell's page: the signed-in person's notifications, newest first, each opening what it is about and marked
 * read on the way; one or all marked read at once.
 */
@PageController
class InboxPage {

    static final int PAGE_SIZE = 20;

    private final Inbox inbox;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;

    InboxPage(Inbox inbox, CurrentUsers currentUsers, PageMessages messages) {
        this.inbox = inbox;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
                Locale locale, HttpServletRequest request, Model model) {
        int current = Math.max(page, 0);
        Inbox.Page found = inbox.page(currentUsers.current().username(), unread, current, PAGE_SIZE, locale);
        model.addAttribute("notifications", found.content());
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("pagination", Pagination.of(request, current, PAGE_SIZE, found.totalElements()));
        return "notifications/list";
    }

    /** Opens what the notification is about, marking it read. */
    @GetMapping("/notifications/{id}")
    String open(@PathVariable long id) {
        return "redirect:" + inbox.markRead(id, currentUsers.current().username());
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@PathVariable long id, RedirectAttributes flash) {
        inbox.markRead(id, currentUsers.current().username());
        flash.addFlashAttribute("notice", messages.get("inbox.markedRead"));
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(RedirectAttributes flash) {
        int marked = inbox.markAllRead(currentUsers.current().username());
        flash.addFlashAttribute("notice", messages.get("inbox.allMarkedRead", marked));
        return "redirect:/notifications";
    }

    /**
     * The bell in every page's header: the signed-in person's unread notifications. A page tested alone, without
     * the inbox, shows no bell.
     */
    @ControllerAdvice(annotations = PageController.class)
    static class Bell {

        private final ObjectProvider<Inbox> inbox;
        private final CurrentUsers currentUsers;
        private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

        Bell(ObjectProvider<Inbox> inbox, CurrentUsers currentUsers) {
            this.inbox = inbox;
            this.currentUsers = currentUsers;
        }

        @ModelAttribute("unreadNotifications")
        Long unreadNotifications() {
            Inbox available = inbox.getIfAvailable();
            return available != null && trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())
                    ? available.unread(currentUsers.current().username()) : null;
        }
    }
}
