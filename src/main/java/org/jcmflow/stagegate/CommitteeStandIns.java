package org.jcmflow.stagegate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.tasks.Absence;
import org.jcmflow.tasks.Absences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Who evaluates in place of the chosen committee members who are away when the committee is convened. */
interface CommitteeStandIns {

    /** The history's step when an absent member's stand-in is convened in their place, or could not be. */
    String STEP = "StandInForAbsentMember";

    /**
     * @param eligible who may sit on the case's committee
     * @param actor    who convenes it
     * @return the members to convene, in the order chosen
     */
    List<String> members(UUID caseId, List<String> chosen, Set<String> eligible, String actor);

    @Component
    class ByAbsences implements CommitteeStandIns {

        private static final Logger log = LoggerFactory.getLogger(CommitteeStandIns.class);

        private final Absences absences;
        private final CaseFileService cases;
        private final ObjectMapper json;

        ByAbsences(Absences absences, CaseFileService cases, ObjectMapper json) {
            this.absences = absences;
            this.cases = cases;
            this.json = json;
        }

        /**
         * The members chosen, each who is away today replaced by their stand-in, who then evaluates by name in their
         * place; the case's history says so. A stand-in who may not sit on the case's committee (of the proponent's
         * organisation) or sits on it already does not replace the member, and the history says that too.
         */
        @Override
        public List<String> members(UUID caseId, List<String> chosen, Set<String> eligible, String actor) {
            List<String> members = new ArrayList<>();
            for (String member : chosen) {
                Optional<Absence> away = absences.absence(member, absences.today());
                if (away.isEmpty()) {
                    members.add(member);
                    continue;
                }
                String standIn = away.get().standIn();
                boolean takes = eligible.contains(standIn) && !chosen.contains(standIn) && !members.contains(standIn);
                members.add(takes ? standIn : member);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("absentMember", member);
                details.put("absentUntil", away.get().endsOn().toString());
                details.put("standIn", standIn);
                try {
                    cases.recordStep(caseId, STEP, takes ? "Stand-in evaluates for an absent member"
                            : "Stand-in could not evaluate for an absent member", actor,
                            takes ? "STAND_IN" : "STAND_IN_REFUSED", json.writeValueAsString(details));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                log.info("Case {}: {} is away until {}; {}", caseId, member, away.get().endsOn(), takes
                        ? standIn + " evaluates in their place" : standIn + " may not evaluate this case, so " + member
                        + " keeps the evaluation");
            }
            return members;
        }
    }
}
