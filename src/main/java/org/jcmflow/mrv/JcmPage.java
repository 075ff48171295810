package org.jcmflow.mrv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.Role;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.Problem;
import org.jcmflow.problem.ProblemKind;
import org.jcmflow.web.PageController;
import org.jcmflow.web.PageMessages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The JCM page: the register of third-party entities (programme managers designate a TPE or change one's
 * designation here), the periods of public inputs open now with a comment form each, and a partner country's
 * registry ledger. The same services and checks as the API; errors next to the fields.
 */
@PageController
class JcmPage {

    /** The TPE form as the browser sends it: countries and scopes separated by commas. */
    record TpeForm(String tpeId, String name, String partnerCountries, String sectoralScopes, String designatedOn,
                   String designationEndsOn) {
    }

    private final ThirdPartyEntities tpes;
    private final PublicInputs publicInputs;
    private final RegistryLedger ledger;
    private final PartnerCountries countries;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;

    JcmPage(ThirdPartyEntities tpes, PublicInputs publicInputs, RegistryLedger ledger, PartnerCountries countries,
            CurrentUsers currentUsers, PageMessages messages) {
        this.tpes = tpes;
        this.publicInputs = publicInputs;
        this.ledger = ledger;
        this.countries = countries;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/jcm")
    String page(@RequestParam(required = false) String country, Model model) {
        return page(country, new TpeForm(null, null, null, null, null, null), Map.of(), model);
    }

    @PostMapping("/jcm/tpes")
    String designate(@ModelAttribute TpeForm form, Model model, RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        ThirdPartyEntities.requireKeeper(user);
        Map<String, String> errors = new LinkedHashMap<>();
        Long id = form.tpeId() == null || form.tpeId().isBlank() ? null : number("tpeId", form.tpeId(), errors);
        TpeEntry entry = new TpeEntry(form.name(), codes(form.partnerCountries()),
                scopes(form.sectoralScopes(), errors), messages.date("designatedOn", form.designatedOn(), errors),
                messages.date("designationEndsOn", form.designationEndsOn(), errors));
        if (errors.isEmpty()) {
            try {
                ThirdPartyEntity saved = id == null ? tpes.designate(entry, user) : tpes.change(id, entry, user);
                flash.addFlashAttribute("notice", messages.get(id == null ? "jcm.tpe.designated" : "jcm.tpe.changed",
                        saved.name()));
                return "redirect:/jcm";
            } catch (InvalidInput e) {
                errors.putAll(messages.fieldErrors(e));
            } catch (Problem e) {
                if (e.kind() != ProblemKind.CONFLICT && e.kind() != ProblemKind.NOT_FOUND) {
                    throw e;
                }
                model.addAttribute("alert", messages.get(e.localizable()));
                return page(null, form, errors, model);
            }
        }
        model.addAttribute("alert", messages.get("jcm.tpe.invalid"));
        return page(null, form, errors, model);
    }

    @PostMapping("/jcm/public-inputs/{id}/comments")
    String comment(@PathVariable long id, @RequestParam(required = false) String comment, Model model,
                   RedirectAttributes flash) {
        try {
            publicInputs.comment(id, comment, currentUsers.current());
            flash.addFlashAttribute("notice", messages.get("jcm.publicInputs.commented"));
            return "redirect:/jcm";
        } catch (InvalidInput e) {
            model.addAttribute("alert", messages.get("jcm.publicInputs.invalid"));
            return page(null, new TpeForm(null, null, null, null, null, null), Map.of("comment-" + id,
                    messages.fieldErrors(e).getOrDefault("comment", messages.get("problem.required"))), model);
        } catch (Problem e) {
            if (e.kind() != ProblemKind.CONFLICT) {
                throw e;
            }
            model.addAttribute("alert", messages.get(e.localizable()));
            return page(null, new TpeForm(null, null, null, null, null, null), Map.of(), model);
        }
    }

    private String page(String country, TpeForm form, Map<String, String> errors, Model model) {
        CurrentUser user = currentUsers.current();
        model.addAttribute("tpes", tpes.list());
        model.addAttribute("mayKeepTpes", user.has(Role.PROGRAM_MANAGER));
        model.addAttribute("tpeForm", form);
        model.addAttribute("publicInputs", publicInputs.list(true, null));
        model.addAttribute("countries", countries.names(LocaleContextHolder.getLocale()));
        String chosen = country != null && countries.exists(country) ? country : null;
        model.addAttribute("country", chosen);
        model.addAttribute("ledger", chosen == null ? null : ledger.ofCountry(chosen));
        model.addAttribute("errors", errors);
        return "mrv/jcm";
    }

    private static List<String> codes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(code -> !code.isBlank()).map(String::strip).toList();
    }

    private List<Integer> scopes(String text, Map<String, String> errors) {
        List<Integer> scopes = new ArrayList<>();
        for (String code : codes(text)) {
            try {
                scopes.add(Integer.parseInt(code));
            } catch (NumberFormatException e) {
                errors.put("sectoralScopes", messages.get("problem.tpeScopes"));
                return List.of();
            }
        }
        return scopes;
    }

    private Long number(String field, String text, Map<String, String> errors) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, messages.get("problem.choice"));
            return null;
        }
    }

}
