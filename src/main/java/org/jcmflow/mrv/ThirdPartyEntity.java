package org.jcmflow.mrv;

import java.time.LocalDate;
import java.util.List;

/**
 * A third-party entity (TPE) of the register: designated by the Joint Committee to validate and verify JCM projects
 * in the partner countries and sectoral scopes named, from its designation date until its end (none: open).
 *
 * @param designatedNow whether its designation holds today
 */
public record ThirdPartyEntity(long id, String name, List<String> partnerCountries, List<Integer> sectoralScopes,
                               LocalDate designatedOn, LocalDate designationEndsOn, boolean designatedNow) {
}
