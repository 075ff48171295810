package org.jcmflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jcmflow.notification.MailTemplates.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a mail to the SMTP server of the environment ({@code JCM_SMTP_HOST} and friends), or writes it to the log
 * when no server is configured, as in the plain run. A server that refuses or does not answer throws: the outbox
 * tries that mail again later (as the engine retries a job of the notification process's earlier instances);
 * operators see such failures counted as {@code jcm_mail_failures_total}.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JavaMailSender sender;
    private final NotificationProperties properties;
    private final Counter failures;

    MailDelivery(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
                 NotificationProperties properties, MeterRegistry metrics) {
        this.sender = host.isBlank() ? null : sender.getIfAvailable();
        this.properties = properties;
        this.failures = Counter.builder("jcm.mail.failures")
                .description("Mails the SMTP server refused or did not take; each is tried again later")
                .register(metrics);
    }

    void deliver(String to, Mail mail) {
        if (sender == null) {
            log.info("Mail to {} (no SMTP server configured, so written here instead)\nSubject: {}\n\n{}", to,
                    mail.subject(), mail.body());
            return;
        }
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not write the mail to " + to, e);
        }
        try {
            sender.send(message);
        } catch (MailException notSent) {
            failures.increment();
            throw notSent;
        }
        log.info("Mail '{}' sent to {}", mail.subject(), to);
    }
}
