package org.jcmflow.notification;

import java.util.List;

import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.identity.UserDirectory.DirectoryUser;

import org.springframework.stereotype.Component;

/** Finds a notification's people and puts it in each one's inbox: those whom mail reaches are its recipients. */
@Component
class Addressing {

    private final CaseFileService cases;
    private final Recipients recipients;
    private final Inbox inbox;

    Addressing(CaseFileService cases, Recipients recipients, Inbox inbox) {
        this.cases = cases;
        this.recipients = recipients;
        this.inbox = inbox;
    }

    /** In the calling transaction: the inbox entries are written with it, or not at all. */
    List<DirectoryUser> deliverToInboxes(NotificationRequest request) {
        String organization = cases.find(request.caseId()).map(ProjectCase::organization).orElse(null);
        List<DirectoryUser> people = recipients.everyone(request, organization);
        inbox.deliver(request, people.stream().map(DirectoryUser::username).toList());
        return recipients.reachable(request, people);
    }
}
