package cn.duban.ledger;

import cn.duban.platform.Settings;
import cn.duban.tenant.Unit;
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
 * E-mail copies of inbox messages through the WildFly mail session {@code java:jboss/mail/Duban}.
 * Only when a relay is configured ({@code DUBAN_SMTP_HOST}) and the unit has an address; a failed
 * delivery is logged, never undoes the in-app message.
 */
@Stateless
public class MailService {

    private static final Logger LOG = Logger.getLogger(MailService.class.getName());

    @Resource(lookup = "java:jboss/mail/Duban")
    Session session;

    @Resource jakarta.ejb.SessionContext context;

    public static boolean configured() {
        // The same setting feeds the mail session (server.cli) and Keycloak's realm mail.
        String host = Settings.get("duban.smtp.host", "DUBAN_SMTP_HOST", null);
        return host != null && !host.isBlank();
    }

    /** Sends on another thread, so a slow relay never holds up the caller's transaction. */
    public void send(Unit unit, InboxMessage message) {
        if (!configured() || unit.getEmail() == null) return;
        context.getBusinessObject(MailService.class)
                .deliver(unit.getEmail(), message.getSubject(), message.getBody());
    }

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
