package cn.duban.notify;

import cn.duban.platform.Settings;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * E-mail through the WildFly mail session {@code java:jboss/mail/Duban}, when a relay is configured
 * ({@code DUBAN_SMTP_HOST}): the e-mail channel of inbox messages (through the outbox, {@link
 * EmailSender}) and new accounts' one-time passwords.
 */
@Stateless
public class MailService {

    private static final Logger LOG = Logger.getLogger(MailService.class.getName());

    @Resource(lookup = "java:jboss/mail/Duban")
    Session session;

    public static boolean configured() {
        // The same setting feeds the mail session (server.cli) and Keycloak's realm mail.
        String host = Settings.get("duban.smtp.host", "DUBAN_SMTP_HOST", null);
        return host != null && !host.isBlank();
    }

    /**
     * Sends now and says how it went: the outbox's e-mail channel, outside any transaction (the
     * relay's own timeouts bound it).
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public SendResult sendNow(String to, String subject, String body) {
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            mime.setSubject("【督办】" + subject, StandardCharsets.UTF_8.name());
            mime.setText(body, StandardCharsets.UTF_8.name());
            Transport.send(mime);
            return SendResult.ok(null);
        } catch (MessagingException | RuntimeException e) {
            return SendResult.retry(null, "mail: " + e.getMessage());
        }
    }

    /** One-time passwords of new accounts: on another thread, logged when it fails. */
    @Asynchronous
    public void deliver(String to, String subject, String body) {
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            mime.setSubject("【督办】" + subject, StandardCharsets.UTF_8.name());
            mime.setText(body, StandardCharsets.UTF_8.name());
            Transport.send(mime);
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Reminder e-mail to " + to + " failed: " + e.getMessage());
        }
    }
}
