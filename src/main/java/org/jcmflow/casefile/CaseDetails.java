package org.jcmflow.casefile;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** One case with everything a reader of its file needs: fields, open tasks, stages and history. */
public record CaseDetails(
        @JsonUnwrapped ProjectCase projectCase,
        List<CaseTasks.OpenTask> openTasks,
        List<CaseTimeline.StagePeriod> stages,
        List<DocumentInfo> documents,
        List<CaseTimeline.Step> history) {

    /** The file name of one of the case's documents, as the list names it. */
    public String documentName(UUID documentId) {
        return documents.stream().filter(document -> document.id().equals(documentId)).map(DocumentInfo::fileName)
                .findFirst().orElse("");
    }
}
