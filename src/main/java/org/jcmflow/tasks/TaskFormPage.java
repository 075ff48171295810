package org.jcmflow.tasks;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.CasePageSection;
import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.web.PageController;
import org.jcmflow.web.PageMessages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A task's page: its Camunda Form next to a summary of the case, completed through the same service as the API. */
@PageController
class TaskFormPage {

    /** The name of the "save draft" button: pressed, the form is kept as a draft instead of completed. */
    static final String SAVE_DRAFT = "saveDraft";

    private final TaskInbox inbox;
    private final TaskForms forms;
    private final TaskWork work;
    private final CaseFileService cases;
    private final PartnerCountries partnerCountries;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;
    private final ObjectProvider<CasePageSection> sections;
    private final TaskDrafts drafts;

    TaskFormPage(TaskInbox inbox, TaskForms forms, TaskWork work, CaseFileService cases, PartnerCountries partnerCountries,
                 CurrentUsers currentUsers, PageMessages messages,
                 ObjectProvider<CasePageSection> sections, TaskDrafts drafts) {
        this.sections = sections;
        this.drafts = drafts;
        this.inbox = inbox;
        this.forms = forms;
        this.work = work;
        this.cases = cases;
        this.partnerCountries = partnerCountries;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    /** The form starts from the user's draft, when they saved one. */
    @GetMapping("/tasks/{id}")
    String task(@PathVariable String id, Locale locale, Model model) {
        Optional<TaskDrafts.Draft> draft = drafts.find(id, currentUsers.current());
        model.addAttribute("draftSavedAt", draft.map(TaskDrafts.Draft::savedAt).orElse(null));
        return page(id, draft.map(saved -> pageValues(saved.variables())).orElse(Map.of()), Map.of(), locale, model);
    }

    /** Completes the task, or with the "save draft" button, keeps the form as it is for later. */
    @PostMapping("/tasks/{id}")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> submitted, Locale locale,
                    Model model, RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        TaskView task = inbox.view(id, user);
        FormSchema form = forms.schema(id, user);
        if (submitted.containsKey(SAVE_DRAFT)) {
            return saveDraft(id, form, submitted, locale, model, flash);
        }
        try {
            work.complete(id, HtmlFormValues.convert(form, submitted), user);
        } catch (InvalidInput e) {
            model.addAttribute("alert", messages.get("task.invalid"));
            return page(id, keptValues(submitted), messages.fieldErrors(e), locale, model);
        }
        flash.addFlashAttribute("notice", messages.get("task.completed", taskName(task), task.caseTitle()));
        return "redirect:/tasks";
    }

    private String saveDraft(String id, FormSchema form, MultiValueMap<String, String> submitted, Locale locale,
                             Model model, RedirectAttributes flash) {
        try {
            drafts.save(id, HtmlFormValues.convert(form, submitted), currentUsers.current());
        } catch (InvalidInput e) {
            model.addAttribute("alert", messages.get("task.invalid"));
            return page(id, keptValues(submitted), messages.fieldErrors(e), locale, model);
        }
        flash.addFlashAttribute("notice", messages.get("task.draftSaved"));
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/draft/discard")
    String discardDraft(@PathVariable String id, RedirectAttributes flash) {
        drafts.discard(id, currentUsers.current());
        flash.addFlashAttribute("notice", messages.get("task.draftDiscarded"));
        return "redirect:/tasks/" + id;
    }

    /** A draft's values as the page's fields hold them: a checklist's choices one per line. */
    private static Map<String, String> pageValues(Map<String, Object> variables) {
        Map<String, String> values = new HashMap<>();
        variables.forEach((key, value) -> values.put(key, pageValue(value)));
        return values;
    }

    private static String pageValue(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        }
        if (value instanceof Double decimal) {
            return BigDecimal.valueOf(decimal).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private String page(String id, Map<String, String> values, Map<String, String> errors, Locale locale,
                        Model model) {
        CurrentUser user = currentUsers.current();
        TaskDetails details = inbox.details(id, user);
        TaskView task = details.task();
        FormSchema form = forms.schema(id, user);
        model.addAttribute("task", task);
        model.addAttribute("submission", details.submission());
        model.addAttribute("taskName", taskName(task));
        model.addAttribute("projectCase", cases.visibleCase(task.caseId(), user));
        model.addAttribute("countries", partnerCountries.names(locale));
        model.addAttribute("form", TaskFormView.of(form, values, errors, messages));
        // what the step's decision rests on, such as the committee's scores when confirming the stage gate
        model.addAttribute("sections", sections.orderedStream()
                .flatMap(section -> section.render(task.caseId(), user).stream()).toList());
        model.addAttribute("mayComplete", user.hasAnyGroup(task.candidateGroups())
                && (task.assignee() == null || task.assignee().equals(user.username())));
        return "tasks/task";
    }

    /** What the user entered, to show again; several values of one field (a checklist) one per line. */
    private static Map<String, String> keptValues(MultiValueMap<String, String> submitted) {
        Map<String, String> kept = new HashMap<>();
        submitted.forEach((key, values) -> kept.put(key, String.join("\n", values)));
        return kept;
    }

    /** The task's name in the reader's language; the BPMN's own name where no translation exists. */
    private String taskName(TaskView task) {
        return messages.getOrDefault("step." + task.taskKey(), task.name());
    }
}
