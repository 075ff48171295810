package org.jcmflow.casefile;

import java.util.Optional;
import java.util.UUID;

import org.jcmflow.identity.CurrentUser;

/**
 * A part of the case page that another capability contributes (the stage gate's committee rounds), so that
 * the case file need not know each of them.
 */
public interface CasePageSection {

    /** @return the section for a case the user may see, or empty when it has nothing to show yet */
    Optional<Section> render(UUID caseId, CurrentUser user);

    /**
     * @param template the Thymeleaf template holding a fragment {@code section(model)}
     * @param model    what the fragment shows
     */
    record Section(String template, Object model) {
    }
}
