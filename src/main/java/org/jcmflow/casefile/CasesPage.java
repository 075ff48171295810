package org.jcmflow.casefile;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.PersonNames;
import org.jcmflow.web.DisplayFormats;
import org.jcmflow.web.PageController;
import org.jcmflow.web.PageMessages;
import org.jcmflow.web.Pagination;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The list of cases the user may see, and one case's page: its fields, stages, open tasks, documents and
 * history.
 */
@PageController
class CasesPage {

    static final int PAGE_SIZE = 20;

    private static final Pattern DECISION = Pattern.compile("[A-Z][A-Z_]*");

    private final CaseFileService cases;
    private final CaseDocuments documents;
    private final PartnerCountries partnerCountries;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;
    private final ObjectMapper json;
    private final Clock clock;
    private final ObjectProvider<CasePageSection> sections;
    private final ObjectProvider<StepForms> stepForms;
    private final PersonNames people;
    private final DisplayFormats display;
    private final DataSize documentLimit;

    CasesPage(CaseFileService cases, CaseDocuments documents, PartnerCountries partnerCountries,
              CurrentUsers currentUsers,
              PageMessages messages, ObjectMapper json, Clock clock,
              @Value("${jcm.documents.max-size}") DataSize documentLimit, ObjectProvider<CasePageSection> sections,
              ObjectProvider<StepForms> stepForms, PersonNames people, DisplayFormats display) {
        this.sections = sections;
        this.stepForms = stepForms;
        this.people = people;
        this.display = display;
        this.cases = cases;
        this.documents = documents;
        this.partnerCountries = partnerCountries;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.documentLimit = documentLimit;
    }

    /** A step of the history as the page shows it: the values entered, under their labels. */
    record HistoryEntry(CaseTimeline.Step step, String what, String outcome, Map<String, String> details) {
    }

    /**
     * A column header's link: the list sorted by that column, on its first page, with the filters kept.
     *
     * @param order how the list is sorted by this column now, as {@code aria-sort} says it
     */
    record SortLink(String url, String order) {
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) Stage stage, @RequestParam(required = false) JcmTrackStage jcmTrack,
                @RequestParam(required = false) String partnerCountry,
                @RequestParam(required = false) Integer fiscalYear, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Locale locale, HttpServletRequest request, Model model) {
        String country = StringUtils.hasText(partnerCountry) ? partnerCountry : null;
        CaseSort order = CaseSort.parse(sort);
        int current = Math.max(page, 0);
        CaseRepository.Page found = cases.search(currentUsers.current(), stage, jcmTrack, country, fiscalYear, q, order,
                locale, current, PAGE_SIZE);
        model.addAttribute("cases", found.content());
        model.addAttribute("pagination", Pagination.of(request, current, PAGE_SIZE, found.totalElements()));
        model.addAttribute("sort", order.parameter());
        model.addAttribute("sortLinks", sortLinks(order, request));
        model.addAttribute("stage", stage);
        model.addAttribute("q", q);
        model.addAttribute("jcmTrack", jcmTrack);
        model.addAttribute("jcmTrackStages", JcmTrackStage.values());
        model.addAttribute("partnerCountry", country);
        model.addAttribute("fiscalYear", fiscalYear);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("countries", partnerCountries.names(locale));
        model.addAttribute("fiscalYears", FiscalYears.valid(clock));
        return "cases/list";
    }

    @GetMapping("/cases/{id}")
    String details(@PathVariable UUID id, Locale locale, Model model) {
        CurrentUser user = currentUsers.current();
        CaseDetails details = cases.details(id, user);
        model.addAttribute("details", details);
        model.addAttribute("projectCase", details.projectCase());
        model.addAttribute("countries", partnerCountries.names(locale));
        // a step that chose one of the case's documents names it by its file
        Map<String, String> documentNames = details.documents().stream()
                .collect(Collectors.toMap(document -> document.id().toString(), DocumentInfo::fileName));
        model.addAttribute("history", details.history().stream().map(step -> entry(step, documentNames)).toList());
        model.addAttribute("sections", sections.orderedStream()
                .flatMap(section -> section.render(id, user).stream()).toList());
        // the upload form only for those who may upload: others read the documents
        model.addAttribute("mayUpload", documents.mayUpload(details.projectCase(), user));
        model.addAttribute("documentTypes", CaseDocuments.ALLOWED_TYPES);
        // by extension and by type, so that the file picker also offers a report.jpeg or a scan without one
        model.addAttribute("acceptedFiles", Stream.concat(
                CaseDocuments.ALLOWED_TYPES.values().stream().sorted().map(extension -> "." + extension),
                CaseDocuments.ALLOWED_TYPES.keySet().stream().sorted()).collect(Collectors.joining(",")));
        model.addAttribute("documentLimit", documentLimit);
        return "cases/case";
    }

    private static Map<String, SortLink> sortLinks(CaseSort order, HttpServletRequest request) {
        Map<String, SortLink> links = new LinkedHashMap<>();
        for (CaseSort.Key column : CaseSort.Key.values()) {
            String url = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                    .replaceQueryParam("sort", order.byColumn(column).parameter()).replaceQueryParam("page")
                    .build().toUriString();
            String now = order.key() != column ? "none" : order.descending() ? "descending" : "ascending";
            links.put(column.parameter(), new SortLink(url, now));
        }
        return links;
    }

    private HistoryEntry entry(CaseTimeline.Step step, Map<String, String> documentNames) {
        String what = messages.getOrDefault("step." + step.stepKey(), step.what());
        return new HistoryEntry(step, what, outcome(step.stepKey(), step.outcome()),
                details(step.stepKey(), step.details(), documentNames));
    }

    /**
     * A task's outcome is its decisions joined with commas (TRANSFER, MOE_SUBSIDY), in words; a choice that is no
     * decision's code (the sectoral scope "3") by its form's label in the reader's language; other steps name a file.
     */
    private String outcome(String stepKey, String outcome) {
        if (outcome == null) {
            return null;
        }
        List<String> decisions = Arrays.asList(outcome.split(",\\s*"));
        StepForms forms = stepForms.getIfAvailable();
        List<StepForms.Field> choices = forms == null ? List.of() : forms.fields(stepKey).stream()
                .filter(field -> !field.offered() && !field.options().isEmpty()).toList();
        List<String> shown = decisions.stream().map(value -> DECISION.matcher(value).matches() ? decision(value)
                : chosen(choices, value)).toList();
        return shown.contains(null) ? outcome : String.join(", ", shown);
    }

    /** The label of the first of the form's choices that offers the value, or null. */
    private static String chosen(List<StepForms.Field> choices, String value) {
        return choices.stream().filter(field -> field.options().containsKey(value)).findFirst()
                .map(field -> field.options().get(value)).orElse(null);
    }

    /**
     * The values a step recorded, under the labels of the step's form in the reader's language and in the form's
     * order; values its form no longer asks for follow, under their own translations.
     */
    private Map<String, String> details(String stepKey, String detailsJson, Map<String, String> documentNames) {
        Map<String, String> labelled = new LinkedHashMap<>();
        if (detailsJson == null || detailsJson.isBlank()) {
            return labelled;
        }
        Map<String, Object> values;
        try {
            values = new LinkedHashMap<>(json.readValue(detailsJson, new TypeReference<Map<String, Object>>() { }));
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable step details: " + detailsJson, e);
        }
        StepForms forms = stepForms.getIfAvailable();
        for (StepForms.Field field : forms == null ? List.<StepForms.Field>of() : forms.fields(stepKey)) {
            if (values.containsKey(field.key())) {
                labelled.put(field.label(), valueText(values.remove(field.key()), field, documentNames));
            }
        }
        values.forEach((key, value) -> labelled.put(messages.getOrDefault("form.field." + key, humanized(key)),
                valueText(value, null, documentNames)));
        return labelled;
    }

    /**
     * A value as the reader knows it: a choice under its label, a decision's code in words, yes or no, a figure
     * formatted, people and documents by name; text as it was entered.
     */
    private String valueText(Object value, StepForms.Field field, Map<String, String> documentNames) {
        if (value instanceof Boolean yes) {
            return messages.get(yes ? "common.yes" : "common.no");
        }
        if (value instanceof Number number) {
            return display.number(number);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(one -> valueText(one, field, documentNames)).collect(Collectors.joining(", "));
        }
        String text = String.valueOf(value);
        if (field != null && field.options().containsKey(text)) {
            return field.options().get(text);
        }
        if (field != null && field.offered()) {
            return documentNames.getOrDefault(text, people.name(text));
        }
        return decision(text);
    }

    /** A decision's code (ACCEPT) in words; anything else as it was entered. */
    private String decision(String value) {
        return DECISION.matcher(value).matches() ? messages.getOrDefault("outcome." + value, value) : value;
    }

    /** {@code screeningComments} reads as "Screening comments". */
    static String humanized(String key) {
        String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
