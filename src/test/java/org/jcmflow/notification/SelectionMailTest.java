package org.jcmflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The mail that tells a proposal's proponents the selection of its call, in their language. */
class SelectionMailTest {

    private final MailTemplates templates = new MailTemplates(messages(), "https://jcm.example/", ZoneId.of("Asia/Tokyo"));

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void aProposalNotSelectedIsToldSoWithTheCallAndALinkToTheCase() {
        UUID caseId = UUID.randomUUID();
        NotificationRequest request = NotificationRequest.selectionDecision(caseId, "FY2016 call", false);

        MailTemplates.Mail english = templates.render(request, "Taro Tanaka", Locale.ENGLISH, "Heat pumps (Viet Nam)");
        assertThat(english.subject()).isEqualTo("[JCM Flow] Selection of FY2016 call: Not selected (Heat pumps (Viet Nam))");
        assertThat(english.body()).contains("Dear Taro Tanaka", "call for proposals \"FY2016 call\"",
                "Result: Not selected", "https://jcm.example/cases/" + caseId);

        MailTemplates.Mail japanese = templates.render(request, "田中 太郎", Locale.JAPANESE, "Heat pumps (Viet Nam)");
        assertThat(japanese.subject()).isEqualTo("[JCM Flow] 公募「FY2016 call」の採択結果: 不採択（Heat pumps (Viet Nam)）");
        assertThat(japanese.body()).contains("田中 太郎 様", "結果: 不採択");
    }

    @Test
    void theRequestTravelsThroughTheNotificationProcessUnchanged() {
        NotificationRequest request = NotificationRequest.selectionDecision(UUID.randomUUID(), "FY2016 call", true);
        assertThat(request.variables()).containsEntry("decision", "SELECTED").containsEntry("taskName", "FY2016 call");
    }
}
