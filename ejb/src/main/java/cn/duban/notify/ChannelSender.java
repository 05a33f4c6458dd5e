package cn.duban.notify;

/**
 * One outbound channel: e-mail, SMS gateway, 企业微信 or 钉钉 robot. Called by the outbox timer outside
 * any transaction; never throws, the outcome is the {@link SendResult}.
 */
public interface ChannelSender {

    Channel channel();

    SendResult send(Outgoing out);
}
