package org.jcmflow.casefile;

/** Narrows a case search; a null field does not filter. */
record CaseFilter(String organization, Stage stage, JcmTrackStage jcmTrack, String partnerCountry,
                  Integer fiscalYear, String searchPattern) {

    boolean narrowsNothing() {
        return organization == null && stage == null && jcmTrack == null && partnerCountry == null
                && fiscalYear == null && searchPattern == null;
    }
}
