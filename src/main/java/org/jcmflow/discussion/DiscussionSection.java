package org.jcmflow.discussion;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.CasePageSection;
import org.jcmflow.casefile.CaseTasks;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.identity.CurrentUser;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The discussion on the case page, below the stages: its comments and the form to write one. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DiscussionSection implements CasePageSection {

    /**
     * @param openTasks     the tasks a comment may be about
     * @param writesInternal whether the reader may mark a comment internal
     */
    record View(UUID caseId, List<Comment> comments, List<CaseTasks.OpenTask> openTasks, boolean writesInternal) {
    }

    private final Discussion discussion;
    private final CaseFileService cases;
    private final CaseTasks caseTasks;

    DiscussionSection(Discussion discussion, CaseFileService cases, CaseTasks caseTasks) {
        this.discussion = discussion;
        this.cases = cases;
        this.caseTasks = caseTasks;
    }

    @Override
    public Optional<Section> render(UUID caseId, CurrentUser user) {
        ProjectCase projectCase = cases.visibleCase(caseId, user);
        boolean internal = Discussion.seesInternal(user, projectCase);
        return Optional.of(new Section("discussion/section", new View(caseId, discussion.comments(caseId, null, user),
                caseTasks.openTasks(caseId), internal)));
    }
}
