package org.jcmflow.calls;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jcmflow.contracts.ContractKind;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.Role;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.Problem;
import org.jcmflow.problem.ProblemKind;
import org.jcmflow.stagegate.CommitteeRules;
import org.jcmflow.stagegate.Criterion;
import org.jcmflow.web.PageController;
import org.jcmflow.web.PageMessages;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calls for proposals: every call with its window, and for programme managers the form that opens one. A
 * call's page shows its committee, and to the programme office its ranking with the selection form, to a member
 * of its committee the proposals they score. The same service and checks as the API; errors next to the fields.
 */
@PageController
class CallsPage {

    private final Calls calls;
    private final CommitteeRules committeeRules;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;

    CallsPage(Calls calls, CommitteeRules committeeRules, CurrentUsers currentUsers, PageMessages messages) {
        this.calls = calls;
        this.committeeRules = committeeRules;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/calls")
    String calls(Model model) {
        return listPage(Map.of(), Map.of(), model);
    }

    @PostMapping("/calls")
    String open(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        Calls.requireManager(user);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer year = messages.wholeNumber("fiscalYear", form.getFirst("fiscalYear"), errors);
        CallEntry entry = new CallEntry(form.getFirst("title"), year, messages.date("opensOn", form.getFirst("opensOn"), errors),
                messages.date("closesOn", form.getFirst("closesOn"), errors),
                choices("kinds", form.get("kinds"), ContractKind.class, errors),
                choices("criteria", form.get("criteria"), Criterion.class, errors));
        if (errors.isEmpty()) {
            try {
                Call call = calls.open(entry, user);
                flash.addFlashAttribute("notice", messages.get("calls.opened", call.title()));
                return "redirect:/calls/" + call.id();
            } catch (InvalidInput e) {
                errors.putAll(messages.fieldErrors(e));
            }
        }
        model.addAttribute("alert", messages.get("calls.invalid"));
        return listPage(form.toSingleValueMap(), form, errors, model);
    }

    @GetMapping("/calls/{id}")
    String call(@PathVariable UUID id, Model model) {
        return callPage(id, Map.of(), model);
    }

    @PostMapping("/calls/{id}/committee")
    String committee(@PathVariable UUID id, @RequestParam(name = "members", required = false) List<String> members,
                     Model model, RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        Calls.requireManager(user);
        return attempt(id, "committee-", () -> calls.nameCommittee(id, members == null ? List.of() : members, user),
                "calls.committeeNamed", model, flash, new LinkedHashMap<>());
    }

    @PostMapping("/calls/{id}/score")
    String score(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                 RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        Map<String, String> errors = new LinkedHashMap<>();
        UUID caseId = uuid(form.getFirst("caseId"));
        if (caseId == null) {
            throw Problem.notFound("The call has no such proposal.", "noProposal");
        }
        boolean conflict = "true".equals(form.getFirst("conflictOfInterest"));
        Map<String, Integer> scores = new LinkedHashMap<>();
        if (!conflict) {
            for (Criterion criterion : Criterion.values()) {
                String text = form.getFirst("scores." + criterion.name());
                if (text != null && !text.isBlank()) {
                    Integer score = messages.wholeNumber("scores." + criterion.name(), text, errors);
                    scores.put(criterion.name(), score);
                }
            }
        }
        ScoreEntry entry = new ScoreEntry(conflict, scores, form.getFirst("comment"));
        // a refused form is shown again as the member filled it in
        model.addAttribute("scoreForm", form.toSingleValueMap());
        return attempt(id, "score-" + caseId + "-", () -> calls.score(id, caseId, entry, user), "calls.scored", model,
                flash, errors);
    }

    @PostMapping("/calls/{id}/selection")
    String select(@PathVariable UUID id, @RequestParam(name = "selected", required = false) List<String> selected,
                  @RequestParam(name = "rationale", required = false) String rationale, Model model,
                  RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        Calls.requireManager(user);
        List<UUID> ids = selected == null ? List.of() : selected.stream().map(CallsPage::uuid).toList();
        return attempt(id, "selection-", () -> calls.select(id, new SelectionEntry(ids, rationale), user),
                "calls.selected", model, flash, new LinkedHashMap<>());
    }

    private String attempt(UUID id, String form, Runnable action, String notice, Model model,
                           RedirectAttributes flash, Map<String, String> errors) {
        if (errors.isEmpty()) {
            try {
                action.run();
                flash.addFlashAttribute("notice", messages.get(notice));
                return "redirect:/calls/" + id;
            } catch (InvalidInput e) {
                errors.putAll(messages.fieldErrors(e));
            } catch (Problem e) {
                if (e.kind() != ProblemKind.CONFLICT) {
                    throw e;
                }
                model.addAttribute("alert", messages.get(e.localizable()));
                return callPage(id, Map.of(), model);
            }
        }
        model.addAttribute("alert", messages.get("calls.invalid"));
        Map<String, String> named = new LinkedHashMap<>();
        errors.forEach((field, message) -> named.put(form + field, message));
        return callPage(id, named, model);
    }

    private String listPage(Map<String, String> form, Map<String, String> errors, Model model) {
        return listPage(form, Map.of(), errors, model);
    }

    /** The list with the opening form; {@code chosen} holds the kinds and criteria ticked on a refused form. */
    private String listPage(Map<String, String> form, Map<String, List<String>> chosen, Map<String, String> errors,
                            Model model) {
        CurrentUser user = currentUsers.current();
        model.addAttribute("calls", calls.list(user));
        model.addAttribute("mayManage", Calls.mayManage(user));
        model.addAttribute("seesScores", user.has(Role.PROGRAM_MANAGER) || user.has(Role.ADMIN));
        model.addAttribute("kinds", ContractKind.values());
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("form", form);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", prefixed("open-", errors));
        return "calls/calls";
    }

    private String callPage(UUID id, Map<String, String> errors, Model model) {
        CurrentUser user = currentUsers.current();
        Call call = calls.get(id, user);
        boolean office = user.has(Role.PROGRAM_MANAGER) || user.has(Role.ADMIN);
        boolean member = user.has(Role.STAGE_GATE_COMMITTEE)
                && call.committee().stream().anyMatch(m -> m.username().equals(user.username()));
        model.addAttribute("call", call);
        model.addAttribute("mayManage", Calls.mayManage(user));
        model.addAttribute("ranking", office ? calls.ranking(id, user) : List.of());
        model.addAttribute("toScore", member ? calls.toScore(id, user) : List.of());
        model.addAttribute("office", office);
        model.addAttribute("member", member);
        model.addAttribute("pool", Calls.mayManage(user) ? committeeRules.eligibleMembers(null) : List.of());
        model.addAttribute("errors", errors);
        return "calls/call";
    }

    private static Map<String, String> prefixed(String form, Map<String, String> errors) {
        Map<String, String> named = new LinkedHashMap<>();
        errors.forEach((field, message) -> named.put(form + field, message));
        return named;
    }

    private <E extends Enum<E>> List<E> choices(String field, List<String> values, Class<E> type,
                                                Map<String, String> errors) {
        List<E> chosen = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            E choice = Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                    .orElse(null);
            if (choice == null) {
                errors.put(field, messages.get("problem.choice"));
            } else {
                chosen.add(choice);
            }
        }
        return chosen;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
