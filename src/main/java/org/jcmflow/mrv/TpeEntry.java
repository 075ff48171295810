package org.jcmflow.mrv;

import java.time.LocalDate;
import java.util.List;

/** A TPE as a programme manager designates or changes it, following the Joint Committee's decision. */
public record TpeEntry(String name, List<String> partnerCountries, List<Integer> sectoralScopes,
                       LocalDate designatedOn, LocalDate designationEndsOn) {
}
