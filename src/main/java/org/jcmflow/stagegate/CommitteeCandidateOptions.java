package org.jcmflow.stagegate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jcmflow.identity.Organizations;
import org.jcmflow.identity.PersonNames;
import org.jcmflow.identity.UserDirectory.DirectoryUser;
import org.jcmflow.tasks.FormOptionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The committee members a programme manager may convene, as the portal and the form API offer them: each by name
 * with their organisation's name in the reader's language, read when the form is shown (the process variable
 * that Camunda Tasklist reads is set once, in English, when the convening task opens).
 */
@Component
class CommitteeCandidateOptions implements FormOptionSource {

    private static final Logger log = LoggerFactory.getLogger(CommitteeCandidateOptions.class);

    private final StageGateRecords records;
    private final CommitteeRules rules;
    private final Organizations organizations;
    private final PersonNames people;

    CommitteeCandidateOptions(StageGateRecords records, CommitteeRules rules, Organizations organizations,
                              PersonNames people) {
        this.people = people;
        this.records = records;
        this.rules = rules;
        this.organizations = organizations;
    }

    @Override
    public String valuesKey() {
        return StageGateCommittee.CANDIDATES;
    }

    @Override
    public List<Map<String, String>> options(UUID caseId) {
        List<DirectoryUser> eligible;
        try {
            eligible = rules.eligibleMembers(records.proponentOrganization(caseId));
        } catch (RuntimeException directoryUnavailable) {
            // the form shows nobody until the directory answers; convening checks the members against it again
            log.warn("Could not read the committee members from the user directory: {}",
                    directoryUnavailable.toString());
            return List.of();
        }
        return eligible.stream().map(member -> {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", label(member, organizations.name(member.organization())));
            option.put("value", member.username());
            return option;
        }).toList();
    }

    /** A member chosen earlier, by name, whether or not they may still be convened. */
    @Override
    public Optional<String> label(String value) {
        return Optional.ofNullable(people.name(value));
    }

    /** "Name (Organisation)", or the name alone for someone of no organisation. */
    static String label(DirectoryUser member, String organizationName) {
        return organizationName == null ? member.displayName() : member.displayName() + " (" + organizationName + ")";
    }
}
