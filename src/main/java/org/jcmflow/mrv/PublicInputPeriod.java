package org.jcmflow.mrv;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A period of public inputs on a proposed methodology or a project design document: public programme
 * information, as the JCM publishes both. It closes by itself at {@code closesAt}; the comments go to the Joint
 * Committee (methodology) or the TPE (PDD).
 *
 * @param open whether comments are still taken
 */
public record PublicInputPeriod(long id, UUID caseId, PublicInputSubject subject, Long methodologyId, String title,
                                String partnerCountry, Instant opensAt, Instant closesAt, Instant closedAt,
                                boolean open, List<Comment> comments) {

    public record Comment(long id, String author, String organization, String comment, Instant submittedAt) {
    }
}
