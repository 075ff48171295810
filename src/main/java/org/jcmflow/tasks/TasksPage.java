package org.jcmflow.tasks;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jcmflow.casefile.FiscalYears;
import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.casefile.Stage;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.Problem;
import org.jcmflow.web.PageController;
import org.jcmflow.web.PageMessages;
import org.jcmflow.web.Pagination;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The task inbox page, and claiming and unclaiming from it or from a task's page. */
@PageController
class TasksPage {

    static final int PAGE_SIZE = 20;

    private final TaskInbox inbox;
    private final TaskWork work;
    private final BulkClaims bulkClaims;
    private final SavedTaskFilters savedFilters;
    private final CurrentUsers currentUsers;
    private final PartnerCountries partnerCountries;
    private final PageMessages messages;
    private final Clock clock;

    TasksPage(TaskInbox inbox, TaskWork work, BulkClaims bulkClaims, SavedTaskFilters savedFilters,
              CurrentUsers currentUsers, PartnerCountries partnerCountries, PageMessages messages, Clock clock) {
        this.bulkClaims = bulkClaims;
        this.savedFilters = savedFilters;
        this.clock = clock;
        this.inbox = inbox;
        this.work = work;
        this.currentUsers = currentUsers;
        this.partnerCountries = partnerCountries;
        this.messages = messages;
    }

    @GetMapping("/tasks")
    String inbox(@RequestParam(required = false) Stage stage, @RequestParam(required = false) String partnerCountry,
                 @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                 @RequestParam(defaultValue = "0") int page, Locale locale, HttpServletRequest request, Model model) {
        String country = StringUtils.hasText(partnerCountry) ? partnerCountry : null;
        int current = Math.max(page, 0);
        InboxSort order = InboxSort.of(sort);
        TaskInbox.TaskPage found = inbox.inbox(currentUsers.current(), stage, country, q, order, current,
                PAGE_SIZE);
        model.addAttribute("tasks", found.content());
        model.addAttribute("pagination", Pagination.of(request, current, PAGE_SIZE, found.totalElements(),
                found.totalIsLowerBound()));
        model.addAttribute("stage", stage);
        model.addAttribute("partnerCountry", country);
        model.addAttribute("q", q);
        model.addAttribute("sort", order.parameter());
        model.addAttribute("sorts", InboxSort.values());
        model.addAttribute("savedFilters", savedFilters.of(currentUsers.current()));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("countries", partnerCountries.names(locale));
        model.addAttribute("back", request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        return "tasks/inbox";
    }

    /** The tasks the dashboard counts as overdue, under the same filters: for the programme office. */
    @GetMapping("/tasks/overdue")
    String overdue(@RequestParam(required = false) Integer fiscalYear,
                   @RequestParam(required = false) String partnerCountry, @RequestParam(defaultValue = "0") int page,
                   Locale locale, HttpServletRequest request, Model model) {
        String country = StringUtils.hasText(partnerCountry) ? partnerCountry : null;
        int current = Math.max(page, 0);
        TaskInbox.TaskPage found = inbox.overdue(currentUsers.current(), fiscalYear, country, current, PAGE_SIZE);
        model.addAttribute("tasks", found.content());
        model.addAttribute("pagination", Pagination.of(request, current, PAGE_SIZE, found.totalElements()));
        model.addAttribute("fiscalYear", fiscalYear);
        model.addAttribute("partnerCountry", country);
        model.addAttribute("countries", partnerCountries.names(locale));
        model.addAttribute("fiscalYears", FiscalYears.valid(clock));
        return "tasks/overdue";
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, @RequestParam(required = false) String back, RedirectAttributes flash) {
        try {
            work.claim(id, currentUsers.current());
            flash.addFlashAttribute("notice", messages.get("tasks.claimed"));
        } catch (Problem e) {
            flash.addFlashAttribute("alert", messages.get(e.localizable()));
        }
        return "redirect:" + safe(back);
    }

    /** Claims the tasks ticked in the inbox; says how many became the user's and why any other did not. */
    @PostMapping("/tasks/claim")
    String claimEach(@RequestParam(name = "taskId", required = false) List<String> taskIds,
                     @RequestParam(required = false) String back, RedirectAttributes flash) {
        try {
            BulkClaims.Outcome outcome = bulkClaims.claim(taskIds, currentUsers.current());
            if (!outcome.claimed().isEmpty()) {
                flash.addFlashAttribute("notice", messages.get("tasks.claimedEach", outcome.claimed().size()));
            }
            if (!outcome.refused().isEmpty()) {
                flash.addFlashAttribute("alert", messages.get("tasks.notClaimed", outcome.refused().size(),
                        String.join(" ", outcome.refused().stream()
                                .map(refusal -> messages.get(refusal.reason())).distinct().toList())));
            }
        } catch (InvalidInput e) {
            flash.addFlashAttribute("alert", messages.get(e.problems().get(0).localizable()));
        }
        return "redirect:" + safe(back);
    }

    /** Saves the inbox's filter as it is under the name given, and opens it. */
    @PostMapping("/tasks/filters")
    String saveFilter(@RequestParam(required = false) String name, @RequestParam(required = false) String stage,
                      @RequestParam(required = false) String partnerCountry, @RequestParam(required = false) String q,
                      @RequestParam(required = false) String sort, @RequestParam(required = false) String back,
                      RedirectAttributes flash) {
        try {
            SavedTaskFilters.SavedTaskFilter saved = savedFilters.save(
                    new SavedTaskFilters.NewFilter(name, stage, partnerCountry, q, sort), currentUsers.current());
            flash.addFlashAttribute("notice", messages.get("tasks.filterSaved", saved.name()));
            return "redirect:" + saved.link();
        } catch (InvalidInput e) {
            flash.addFlashAttribute("alert", messages.get("tasks.filterNotSaved",
                    messages.get(e.problems().get(0).localizable())));
        } catch (Problem e) {
            flash.addFlashAttribute("alert", messages.get(e.localizable()));
        }
        return "redirect:" + safe(back);
    }

    @PostMapping("/tasks/filters/{id}/delete")
    String deleteFilter(@PathVariable long id, RedirectAttributes flash) {
        try {
            savedFilters.delete(id, currentUsers.current());
            flash.addFlashAttribute("notice", messages.get("tasks.filterDeleted"));
        } catch (Problem e) {
            flash.addFlashAttribute("alert", messages.get(e.localizable()));
        }
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, @RequestParam(required = false) String back, RedirectAttributes flash) {
        try {
            work.unclaim(id, currentUsers.current());
            flash.addFlashAttribute("notice", messages.get("tasks.unclaimed"));
        } catch (Problem e) {
            flash.addFlashAttribute("alert", messages.get(e.localizable()));
        }
        return "redirect:" + safe(back);
    }

    /** Back to the page the button was on, but only to a page of the inbox: never to another site. */
    private static String safe(String back) {
        return back != null && back.startsWith("/tasks") && !back.contains("//") && !back.contains("\\")
                ? back : "/tasks";
    }
}
