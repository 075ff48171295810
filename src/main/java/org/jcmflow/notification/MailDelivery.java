package org.jcmflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jcmflow.notification.MailTemplates.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a mail to the SMTP server of the environment ({@code JCM_SMTP_HOST} and friends), or writes it to the log
 * when no server is configured, as in the plain run. A server that refuses or does not answer throws, which fails
 * the engine's job and lets the engine retry it.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JavaMailSender sender;
    private final NotificationProperties properties;

    MailDelivery(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
                 NotificationProperties properties) {
        this.sender = host.isBlank() ? null : sender.getIfAvailable();
        this.properties = properties;
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
        sender.send(message);
        log.info("Mail '{}' sent to {}", mail.subject(), to);
    }
}
