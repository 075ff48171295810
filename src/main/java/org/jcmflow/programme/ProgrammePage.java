package org.jcmflow.programme;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.Problem;
import org.jcmflow.problem.ProblemKind;
import org.jcmflow.web.PageController;
import org.jcmflow.web.PageMessages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme's settings, evaluations and targets, as the ledger shows them, and for programme managers the
 * forms that keep them. The same services and checks as the API; errors next to the fields.
 */
@PageController
class ProgrammePage {

    private final ProgrammeSettings settings;
    private final Evaluations evaluations;
    private final Targets targets;
    private final PolicyWorkLog policyWork;
    private final PartnerCountries partnerCountries;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;

    ProgrammePage(ProgrammeSettings settings, Evaluations evaluations, Targets targets, PolicyWorkLog policyWork,
                  PartnerCountries partnerCountries, CurrentUsers currentUsers, PageMessages messages) {
        this.policyWork = policyWork;
        this.partnerCountries = partnerCountries;
        this.settings = settings;
        this.evaluations = evaluations;
        this.targets = targets;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/programme")
    String programme(Model model) {
        return page(Map.of(), Map.of(), model);
    }

    @PostMapping("/programme/settings")
    String settings(@RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        ProgrammeRecords.requireWriter(user);
        Map<String, String> errors = new LinkedHashMap<>();
        ProgrammeSettings.Settings entry = new ProgrammeSettings.Settings(form.get("pjCode"), form.get("department"),
                choice("contractType", form.get("contractType"), ProgrammeSettings.ContractType.class, errors),
                form.get("account"), messages.wholeNumber("firstFiscalYear", form.get("firstFiscalYear"), errors),
                messages.wholeNumber("lastFiscalYear", form.get("lastFiscalYear"), errors), null, null);
        return attempt("settings-", errors, () -> settings.update(entry, user), "programme.settingsSaved", form,
                model, flash);
    }

    @PostMapping("/programme/evaluations")
    String evaluation(@RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        ProgrammeRecords.requireWriter(user);
        Map<String, String> errors = new LinkedHashMap<>();
        Evaluations.Entry entry = new Evaluations.Entry(choice("kind", form.get("kind"), Evaluations.Kind.class, errors),
                messages.date("heldOn", form.get("heldOn"), errors), form.get("result"));
        return attempt("evaluation-", errors, () -> evaluations.record(entry, user), "programme.evaluationRecorded",
                form, model, flash);
    }

    @PostMapping("/programme/targets")
    String target(@RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        ProgrammeRecords.requireWriter(user);
        Map<String, String> errors = new LinkedHashMap<>();
        Targets.Entry entry = new Targets.Entry(choice("indicator", form.get("indicator"), Targets.Indicator.class,
                errors), messages.wholeNumber("targetValue", form.get("targetValue"), errors),
                messages.wholeNumber("deadlineFiscalYear", form.get("deadlineFiscalYear"), errors),
                messages.date("revisedOn", form.get("revisedOn"), errors), form.get("reason"));
        return attempt("target-", errors, () -> targets.revise(entry, user), "programme.targetRevised", form, model,
                flash);
    }

    @PostMapping("/programme/policy-work")
    String policyWork(@RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        ProgrammeRecords.requireWriter(user);
        Map<String, String> errors = new LinkedHashMap<>();
        PolicyWorkLog.Entry entry = new PolicyWorkLog.Entry(blankToNull(form.get("partnerCountry")),
                uuid("caseId", form.get("caseId"), errors), messages.date("heldOn", form.get("heldOn"), errors),
                choice("kind", form.get("kind"), PolicyWorkLog.Kind.class, errors), form.get("counterpart"),
                messages.wholeNumber("participants", form.get("participants"), errors), form.get("outcome"),
                form.get("documents"));
        return attempt("policy-", errors, () -> policyWork.record(entry, user), "policyWork.recorded", form, model,
                flash);
    }

    private String attempt(String prefix, Map<String, String> errors, Runnable action, String notice,
                           Map<String, String> form, Model model, RedirectAttributes flash) {
        if (errors.isEmpty()) {
            try {
                action.run();
                flash.addFlashAttribute("notice", messages.get(notice));
                return "redirect:/programme";
            } catch (InvalidInput e) {
                errors.putAll(messages.fieldErrors(e));
            } catch (Problem e) {
                if (e.kind() != ProblemKind.CONFLICT) {
                    throw e;
                }
                model.addAttribute("alert", messages.get(e.localizable()));
                return page(Map.of(), form, model);
            }
        }
        model.addAttribute("alert", messages.get("programme.invalid"));
        Map<String, String> named = new LinkedHashMap<>();
        errors.forEach((field, message) -> named.put(prefix + field, message));
        return page(named, form, model);
    }

    private String page(Map<String, String> errors, Map<String, String> form, Model model) {
        CurrentUser user = currentUsers.current();
        model.addAttribute("settings", settings.read(user));
        model.addAttribute("evaluations", evaluations.list(user));
        model.addAttribute("targets", targets.list(user));
        model.addAttribute("mayWrite", ProgrammeRecords.mayWrite(user));
        model.addAttribute("contractTypes", ProgrammeSettings.ContractType.values());
        model.addAttribute("evaluationKinds", Evaluations.Kind.values());
        model.addAttribute("indicators", Targets.Indicator.values());
        model.addAttribute("policyWork", policyWork.list(null, user));
        model.addAttribute("policyKinds", PolicyWorkLog.Kind.values());
        model.addAttribute("countries", partnerCountries.names(LocaleContextHolder.getLocale()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "programme/programme";
    }

    private <E extends Enum<E>> E choice(String field, String text, Class<E> type, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(text)).findFirst().orElseGet(() -> {
            errors.put(field, messages.get("problem.choice"));
            return null;
        });
    }

    private UUID uuid(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, messages.get("problem.pattern"));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

}
