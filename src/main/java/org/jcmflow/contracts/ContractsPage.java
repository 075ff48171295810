package org.jcmflow.contracts;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.problem.Problem;
import org.jcmflow.problem.ProblemKind;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.web.PageController;
import org.jcmflow.web.PageMessages;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contracts page: every contract with its changes and spending, and for programme managers the forms that
 * record a contract, a change and a year's spending, and import the accounts' file. The same service and checks
 * as the API; errors next to the fields (an imported file's, listed by line).
 */
@PageController
class ContractsPage {

    /** The forms as the browser sends them, kept as typed so that the page shows them again next to the errors. */
    record ContractForm(String contractNumber, String caseId, String kind, String signedOn, String startsOn,
                        String endsOn, String amountMillionJpy) {
    }

    record ChangeForm(String contractNumber, String changedOn, String endsOn, String amountMillionJpy, String reason) {
    }

    record SpendingForm(String contractNumber, String fiscalYear, String executedMillionJpy,
                        String carriedOverMillionJpy, String returnedMillionJpy) {
    }

    private final Contracts contracts;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;

    ContractsPage(Contracts contracts, CurrentUsers currentUsers, PageMessages messages) {
        this.contracts = contracts;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/contracts")
    String contracts(Model model) {
        return page(new ContractForm(null, null, null, null, null, null, null), new ChangeForm(null, null, null, null,
                null), new SpendingForm(null, null, null, null, null), Map.of(), model);
    }

    @PostMapping("/contracts")
    String sign(@ModelAttribute ContractForm form, Model model, RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        Contracts.requireWriter(user);
        Map<String, String> errors = new LinkedHashMap<>();
        ContractEntry entry = new ContractEntry(blankToNull(form.contractNumber()), uuid("caseId", form.caseId(), errors),
                kind(form.kind(), errors), messages.date("signedOn", form.signedOn(), errors),
                messages.date("startsOn", form.startsOn(), errors), messages.date("endsOn", form.endsOn(), errors),
                messages.number("amountMillionJpy", form.amountMillionJpy(), errors));
        return attempt(errors, () -> contracts.sign(entry, user), "contracts.signed", form.contractNumber(), flash,
                "sign-", model, form, null, null);
    }

    @PostMapping("/contracts/changes")
    String change(@ModelAttribute ChangeForm form, Model model, RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        Contracts.requireWriter(user);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID id = contractId(form.contractNumber(), errors);
        ChangeEntry entry = new ChangeEntry(messages.date("changedOn", form.changedOn(), errors),
                messages.date("endsOn", form.endsOn(), errors), messages.number("amountMillionJpy", form.amountMillionJpy(), errors),
                form.reason());
        return attempt(errors, () -> contracts.change(id, entry, user), "contracts.changed", form.contractNumber(),
                flash, "change-", model, null, form, null);
    }

    @PostMapping("/contracts/spending")
    String spending(@ModelAttribute SpendingForm form, Model model, RedirectAttributes flash) {
        CurrentUser user = currentUsers.current();
        Contracts.requireWriter(user);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID id = contractId(form.contractNumber(), errors);
        BigDecimal year = messages.number("fiscalYear", form.fiscalYear(), errors);
        if (year == null && !errors.containsKey("fiscalYear")) {
            errors.put("fiscalYear", messages.get("problem.required"));
        }
        SpendingEntry entry = new SpendingEntry(messages.number("executedMillionJpy", form.executedMillionJpy(), errors),
                messages.number("carriedOverMillionJpy", form.carriedOverMillionJpy(), errors),
                messages.number("returnedMillionJpy", form.returnedMillionJpy(), errors));
        return attempt(errors, () -> {
            try {
                contracts.recordSpending(id, year.intValueExact(), entry, user);
            } catch (ArithmeticException e) {
                throw InvalidInput.of("fiscalYear", "is not a whole number");
            }
        }, "contracts.spendingRecorded", form.contractNumber(), flash, "spending-", model, null, null, form);
    }

    @PostMapping("/contracts/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                      RedirectAttributes flash) throws IOException {
        CurrentUser user = currentUsers.current();
        Contracts.requireWriter(user);
        Map<String, String> errors = new LinkedHashMap<>();
        if (file == null || file.isEmpty()) {
            errors.put("import-file", messages.get("problem.fileRequired"));
        } else {
            try {
                int rows = contracts.importSpending(SpendingImport.parse(file.getBytes()), user);
                flash.addFlashAttribute("notice", messages.get("contracts.imported", rows));
                return "redirect:/contracts";
            } catch (InvalidInput e) {
                model.addAttribute("importErrors", e.problems().stream()
                        .map(problem -> problem.field() + ": " + messages.get(problem.localizable())).toList());
                errors.put("import-file", messages.get("contracts.import.invalid"));
            }
        }
        model.addAttribute("alert", messages.get("contracts.invalid"));
        return page(null, null, null, errors, model);
    }

    private String attempt(Map<String, String> errors, Runnable action, String notice, String number,
                           RedirectAttributes flash, String form, Model model, ContractForm contract,
                           ChangeForm change, SpendingForm spending) {
        if (errors.isEmpty()) {
            try {
                action.run();
                flash.addFlashAttribute("notice", messages.get(notice, number));
                return "redirect:/contracts";
            } catch (InvalidInput e) {
                errors.putAll(messages.fieldErrors(e));
            } catch (Problem e) {
                if (e.kind() != ProblemKind.CONFLICT) {
                    throw e;
                }
                model.addAttribute("alert", messages.get(e.localizable()));
                return page(contract, change, spending, prefixed(form, errors), model);
            }
        }
        model.addAttribute("alert", messages.get("contracts.invalid"));
        return page(contract, change, spending, prefixed(form, errors), model);
    }

    private static Map<String, String> prefixed(String form, Map<String, String> errors) {
        Map<String, String> named = new LinkedHashMap<>();
        errors.forEach((field, message) -> named.put(form + field, message));
        return named;
    }

    private String page(ContractForm contract, ChangeForm change, SpendingForm spending, Map<String, String> errors,
                        Model model) {
        CurrentUser user = currentUsers.current();
        List<Contract> all = contracts.list(null, user);
        model.addAttribute("contracts", all);
        model.addAttribute("mayWrite", Contracts.mayWrite(user));
        model.addAttribute("kinds", ContractKind.values());
        model.addAttribute("contractForm", contract != null ? contract
                : new ContractForm(null, null, null, null, null, null, null));
        model.addAttribute("changeForm", change != null ? change : new ChangeForm(null, null, null, null, null));
        model.addAttribute("spendingForm", spending != null ? spending
                : new SpendingForm(null, null, null, null, null));
        model.addAttribute("errors", errors);
        model.addAttribute("columns", String.join(",", SpendingImport.COLUMNS));
        return "contracts/contracts";
    }

    private UUID contractId(String number, Map<String, String> errors) {
        if (number == null || number.isBlank()) {
            errors.put("contractNumber", messages.get("problem.required"));
            return null;
        }
        UUID id = contracts.findId(number.strip()).orElse(null);
        if (id == null) {
            errors.put("contractNumber", messages.get("problem.noContract"));
        }
        return id;
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

    private ContractKind kind(String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ContractKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            errors.put("kind", messages.get("problem.choice"));
            return null;
        }
    }


    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
