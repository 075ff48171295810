package org.jcmflow.tasks;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.DocumentInfo;
import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.casefile.RecordedStep;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.tasks.ReviewedSubmission.Source;
import org.jcmflow.web.PageMessages;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Puts together what a reviewing step decides on ({@link ReviewedSubmission}) from the case's history: the values
 * the proponent last submitted under the labels of the form they were entered in, with what changed since the round
 * before and the documents of the step, in the language of the request. The case file decides what the reader may
 * see of each step.
 */
@Service
class TaskSubmissions {

    /** Enough rounds of one step on one case: a report a year, two revisions of a stage gate. */
    private static final int ROUNDS_READ = 100;

    private final CaseFileService cases;
    private final StepForms stepForms;
    private final HistoryService history;
    private final PartnerCountries partnerCountries;
    private final PageMessages messages;
    private final ObjectMapper json;
    private final Map<String, FormOptionSource> optionSources;

    TaskSubmissions(CaseFileService cases, StepForms stepForms, HistoryService history,
                    PartnerCountries partnerCountries, PageMessages messages, ObjectMapper json,
                    List<FormOptionSource> optionSources) {
        this.optionSources = optionSources.stream()
                .collect(Collectors.toMap(FormOptionSource::valuesKey, source -> source));
        this.cases = cases;
        this.stepForms = stepForms;
        this.history = history;
        this.partnerCountries = partnerCountries;
        this.messages = messages;
        this.json = json;
    }

    /**
     * What the task decides on, or the Joint Committee's reasons for sending back the request it makes again; empty
     * for a task that decides on no submission (a proponent's own), and for a request nobody sent back.
     */
    Optional<Submission> of(Task task, UUID caseId, CurrentUser user) {
        return ReviewedSubmission.of(task.getTaskDefinitionKey())
                .filter(reviewed -> reviewed.sentBack().map(sentBack -> sentBack(caseId, sentBack, user)).orElse(true))
                .map(reviewed -> {
                    Instant opened = task.getCreateTime().toInstant();
                    List<DocumentInfo> documents = cases.documents(caseId, user);
                    List<Submission.Part> parts = new ArrayList<>();
                    for (Source source : reviewed.sources()) {
                        (ReviewedSubmission.PROPOSAL.equals(source.stepKey())
                                ? Optional.of(proposal(cases.visibleCase(caseId, user), documents, opened))
                                : part(caseId, source, user, documents, opened)).ifPresent(parts::add);
                    }
                    return new Submission(caseId, messages.get(reviewed.titleCode()), List.copyOf(parts));
                });
    }

    /** Whether the Joint Committee's latest decision on the request sent it back. */
    private boolean sentBack(UUID caseId, ReviewedSubmission.SentBack sentBack, CurrentUser user) {
        return cases.lastRecords(caseId, sentBack.source().stepKey(), 1, user).stream().findFirst()
                .map(decided -> sentBack.sentBack(details(decided))).orElse(false);
    }

    private Submission.Part proposal(ProjectCase proposed, List<DocumentInfo> documents, Instant opened) {
        Locale locale = LocaleContextHolder.getLocale();
        String country = partnerCountries.names(locale).getOrDefault(proposed.partnerCountry(),
                proposed.partnerCountry());
        List<Submission.Value> values = List.of(
                value("title", "case.title", proposed.title()),
                value("partnerCountry", "case.partnerCountry", country),
                value("technology", "case.technology", proposed.technology()),
                value("estimatedReductionTco2PerYear", "proposal.reduction",
                        number(proposed.estimatedReductionTco2PerYear(), locale)),
                value("budgetMillionJpy", "proposal.budget", number(proposed.budgetMillionJpy(), locale)),
                value("fiscalYear", "case.fiscalYear", messages.get("fiscalYear", proposed.fiscalYear())));
        return new Submission.Part(ReviewedSubmission.PROPOSAL, messages.get("submission.proposal"),
                proposed.createdBy(), proposed.createdAt(), 1, false, values,
                documentsOf(documents, proposed.createdAt(), opened, Set.of()));
    }

    private Submission.Value value(String field, String labelCode, String text) {
        return new Submission.Value(field, messages.get(labelCode), text, false, null);
    }

    private Optional<Submission.Part> part(UUID caseId, Source source, CurrentUser user, List<DocumentInfo> documents,
                                           Instant opened) {
        List<RecordedStep> rounds = cases.lastRecords(caseId, source.stepKey(), ROUNDS_READ, user);
        Optional<FormSchema> form = stepForms.of(source.stepKey());
        if (rounds.isEmpty() || form.isEmpty()) {
            return Optional.empty();
        }
        RecordedStep latest = rounds.get(0);
        boolean revised = source.whole() && rounds.size() > 1;
        Map<String, Object> now = details(latest);
        Map<String, Object> before = revised ? details(rounds.get(1)) : Map.of();
        Map<String, String> fileNames = documents.stream()
                .collect(Collectors.toMap(document -> document.id().toString(), DocumentInfo::fileName));
        FormLabels labels = new FormLabels(form.get().id(), messages);
        List<Submission.Value> values = new ArrayList<>();
        Set<String> referenced = new HashSet<>();
        for (FormSchema.Field field : form.get().fields()) {
            Object value = now.get(field.key());
            Object previous = before.get(field.key());
            if (!source.shows(field.key()) || (value == null && previous == null)) {
                continue;
            }
            if (TaskForms.CASE_DOCUMENTS.equals(field.valuesKey()) && value != null) {
                referenced.add(value.toString());
            }
            String text = text(field, value, labels, fileNames);
            String previousText = text(field, previous, labels, fileNames);
            boolean changed = revised && !Objects.equals(text, previousText);
            values.add(new Submission.Value(field.key(), labels.label(field), text, changed,
                    changed ? previousText : null));
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Submission.Document> ofStep = source.whole()
                ? documentsOf(documents, openedAt(caseId, source.stepKey(), latest.when()), opened, referenced)
                : List.of();
        return Optional.of(new Submission.Part(source.stepKey(),
                messages.getOrDefault("step." + source.stepKey(), latest.stepName()), latest.actor(), latest.when(),
                rounds.size(), revised, List.copyOf(values), ofStep));
    }

    /** When the submitting step was opened, for the documents uploaded while it was: its task's start. */
    private Instant openedAt(UUID caseId, String stepKey, Instant submitted) {
        return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId.toString())
                .taskDefinitionKey(stepKey).finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1)
                .stream().map(HistoricTaskInstance::getStartTime).filter(Objects::nonNull).map(Date::toInstant)
                .findFirst().orElse(submitted);
    }

    /**
     * The documents uploaded from the step's opening until the review opened, and those its fields refer to (by their
     * public version, which the confidential version goes with, for whoever may read it).
     */
    private static List<Submission.Document> documentsOf(List<DocumentInfo> documents, Instant from, Instant until,
                                                         Set<String> referenced) {
        return documents.stream()
                .filter(document -> referenced.contains(document.id().toString())
                        || (document.publicVersion() != null && referenced.contains(document.publicVersion().toString()))
                        || (!document.uploadedAt().isBefore(from) && !document.uploadedAt().isAfter(until)))
                .map(document -> new Submission.Document(document.id(), document.fileName(), document.uploadedBy(),
                        document.uploadedAt(), document.confidential()))
                .toList();
    }

    private Map<String, Object> details(RecordedStep step) {
        try {
            return json.readValue(step.detailsJson(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable details of step " + step.stepKey(), e);
        }
    }

    /** A value as its reader reads it: in their language's numbers and dates, a choice by its label. */
    private String text(FormSchema.Field field, Object value, FormLabels labels, Map<String, String> fileNames) {
        if (value == null) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        return switch (field.type()) {
            case CHECKBOX -> messages.get(Boolean.TRUE.equals(value) ? "common.yes" : "common.no");
            case NUMBER -> value instanceof Number number ? number(number, locale) : value.toString();
            case DATE -> date(value.toString(), locale);
            case CHOICE -> choice(field, value.toString(), labels, fileNames);
            case CHECKLIST -> value instanceof Collection<?> ticked ? ticked.stream()
                    .map(choice -> choice(field, String.valueOf(choice), labels, fileNames))
                    .collect(Collectors.joining(", ")) : value.toString();
            case TEXT -> value.toString();
        };
    }

    /** A choice by its label: a document by its file, a TPE by its name, a fixed option in the reader's language. */
    private String choice(FormSchema.Field field, String value, FormLabels labels, Map<String, String> fileNames) {
        if (TaskForms.CASE_DOCUMENTS.equals(field.valuesKey())) {
            return fileNames.getOrDefault(value, value);
        }
        if (field.valuesKey() != null && optionSources.containsKey(field.valuesKey())) {
            return optionSources.get(field.valuesKey()).label(value).orElse(value);
        }
        return field.options().stream().filter(option -> option.value().equals(value)).findFirst()
                .map(option -> labels.option(field.key(), option)).orElse(value);
    }

    private static String number(Number number, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(6);
        return format.format(number);
    }

    private static String date(String iso, Locale locale) {
        try {
            return LocalDate.parse(iso).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
        } catch (DateTimeParseException notADate) {
            return iso;
        }
    }
}
