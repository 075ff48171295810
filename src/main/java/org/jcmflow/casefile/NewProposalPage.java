package org.jcmflow.casefile;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Validator;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.Problem;
import org.jcmflow.problem.ProblemKind;
import org.jcmflow.web.PageController;
import org.jcmflow.web.PageMessages;
import org.springframework.ui.Model;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A proponent's new proposal: the API's case fields, checked by the same rules, errors next to the fields. */
@PageController
class NewProposalPage {

    private final CaseFileService cases;
    private final PartnerCountries partnerCountries;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;
    private final SpringValidatorAdapter validator;
    private final Clock clock;
    private final ProposalCalls calls;

    NewProposalPage(CaseFileService cases, PartnerCountries partnerCountries, CurrentUsers currentUsers,
                    PageMessages messages, Validator validator, Clock clock, ProposalCalls calls) {
        this.calls = calls;
        this.cases = cases;
        this.partnerCountries = partnerCountries;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.validator = new SpringValidatorAdapter(validator);
        this.clock = clock;
    }

    @GetMapping("/cases/new")
    String form(Locale locale, Model model) {
        // checked before the form is shown, so that nobody fills it in for nothing
        cases.checkMayPropose(currentUsers.current());
        return page(ProposalForm.empty(), Map.of(), locale, model);
    }

    @PostMapping("/cases/new")
    String submit(@ModelAttribute ProposalForm proposal, Locale locale, Model model, RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        cases.checkMayPropose(user);
        Map<String, String> errors = new LinkedHashMap<>();
        NewCase request = proposal.toNewCase((field, text) -> errors.put(field,
                messages.get("callId".equals(field) ? "problem.noCall" : "problem.number")));
        DirectFieldBindingResult checks = new DirectFieldBindingResult(request, "proposal");
        validator.validate(request, checks);
        messages.fieldErrors(checks).forEach(errors::putIfAbsent);
        if (errors.isEmpty()) {
            try {
                ProjectCase opened = cases.open(request, user);
                flash.addFlashAttribute("notice", messages.get("proposal.submitted", opened.title()));
                return "redirect:/cases/" + opened.id();
            } catch (InvalidInput e) {
                errors.putAll(messages.fieldErrors(e));
            } catch (Problem e) {
                if (e.kind() != ProblemKind.CONFLICT) {
                    throw e;
                }
                errors.put("callId", messages.get(e.localizable()));
            }
        }
        model.addAttribute("alert", messages.get("proposal.invalid"));
        return page(proposal, errors, locale, model);
    }

    private String page(ProposalForm proposal, Map<String, String> errors, Locale locale, Model model) {
        model.addAttribute("proposal", proposal);
        model.addAttribute("errors", errors);
        model.addAttribute("countries", partnerCountries.names(locale));
        model.addAttribute("fiscalYears", FiscalYears.valid(clock));
        model.addAttribute("openCalls", calls.openAt(clock.instant()));
        return "cases/new";
    }

}
