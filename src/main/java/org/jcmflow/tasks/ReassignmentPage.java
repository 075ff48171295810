package org.jcmflow.tasks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.PersonNames;
import org.jcmflow.identity.Role;
import org.jcmflow.identity.UserDirectory;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.web.PageController;
import org.jcmflow.web.PageMessages;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reassignment form of the case page, and the absences page: each posts here and comes back with the change
 * made or, when refused, the reason next to the form.
 */
@PageController
class ReassignmentPage {

    private final TaskReassignment reassignment;
    private final Absences absences;
    private final TaskLookup lookup;
    private final UserDirectory directory;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;
    private final PersonNames names;

    ReassignmentPage(TaskReassignment reassignment, Absences absences, TaskLookup lookup, UserDirectory directory,
                     CurrentUsers currentUsers, PageMessages messages, PersonNames names) {
        this.names = names;
        this.reassignment = reassignment;
        this.absences = absences;
        this.lookup = lookup;
        this.directory = directory;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @PostMapping("/tasks/{id}/assignee")
    String reassign(@PathVariable String id, @RequestParam(required = false) String assignee,
                    RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        UUID caseId = lookup.visible(id, user).caseId();
        String person = assignee == null || assignee.isBlank() ? null : assignee;
        try {
            reassignment.reassign(id, person, user);
            flash.addFlashAttribute("notice", person == null ? messages.get("reassign.handedBack")
                    : messages.get("reassign.done", names.name(person)));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("reassignErrors", Map.of(id, String.join(" ", messages.fieldErrors(e).values())));
        }
        return "redirect:/cases/" + caseId + "#reassign";
    }

    @GetMapping("/absences")
    String absences(Model model) {
        CurrentUser user = currentUsers.current();
        model.addAttribute("absences", absences.current(user));
        model.addAttribute("recordsForOthers", user.has(Role.PROGRAM_MANAGER));
        model.addAttribute("people", people());
        model.addAttribute("today", absences.today());
        return "tasks/absences";
    }

    @PostMapping("/absences")
    String record(@RequestParam(required = false) String person, @RequestParam(required = false) String startsOn,
                  @RequestParam(required = false) String endsOn, @RequestParam(required = false) String standIn,
                  RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate starts = date("startsOn", startsOn, errors);
        LocalDate ends = date("endsOn", endsOn, errors);
        if (standIn == null || standIn.isBlank()) {
            errors.put("standIn", messages.get("problem.required"));
        }
        if (errors.isEmpty()) {
            try {
                Absence recorded = absences.record(new NewAbsence(person, starts, ends, standIn),
                        currentUsers.current());
                flash.addFlashAttribute("notice", messages.get("absence.recorded", recorded.person(),
                        recorded.standIn()));
                return "redirect:/absences";
            } catch (InvalidInput e) {
                errors.putAll(messages.fieldErrors(e));
            }
        }
        flash.addFlashAttribute("absenceErrors", errors);
        flash.addFlashAttribute("entered", Map.of("person", person == null ? "" : person,
                "startsOn", startsOn == null ? "" : startsOn, "endsOn", endsOn == null ? "" : endsOn,
                "standIn", standIn == null ? "" : standIn));
        return "redirect:/absences";
    }

    private LocalDate date(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put(field, messages.get("problem.required"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            errors.put(field, messages.get("problem.date"));
            return null;
        }
    }

    /** Everyone of the programme but the proponents, who have no by-name work: the people of the choices. */
    private List<String> people() {
        return java.util.Arrays.stream(Role.values()).filter(role -> role != Role.PROPONENT)
                .flatMap(role -> directory.usersWithRole(role).stream()).map(UserDirectory.DirectoryUser::username)
                .distinct().sorted().toList();
    }
}
