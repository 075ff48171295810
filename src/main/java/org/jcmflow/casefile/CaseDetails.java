package org.jcmflow.casefile;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** One case with everything a reader of its file needs: fields, open tasks, stages and history. */
public record CaseDetails(
        @JsonUnwrapped ProjectCase projectCase,
        List<CaseTasks.OpenTask> openTasks,
        List<CaseTimeline.StagePeriod> stages,
        List<DocumentInfo> documents,
        List<CaseTimeline.Step> history) {
}
