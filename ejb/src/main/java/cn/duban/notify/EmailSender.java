package cn.duban.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** E-mail to the unit's address through the mail relay. */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    @Inject MailService mail;

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendResult send(Outgoing out) {
        if (!MailService.configured()) return SendResult.fail(null, "DUBAN_SMTP_HOST not set");
        return mail.sendNow(out.email(), out.subject(), out.text());
    }
}
