package cn.duban.notify;

import cn.duban.platform.AppClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * 钉钉 group robot: the text message to its webhook, signed (加签) with {@code timestamp} and {@code
 * sign} when the unit gave the robot's secret.
 */
@ApplicationScoped
public class DingTalkSender implements ChannelSender {

    @Override
    public Channel channel() {
        return Channel.DINGTALK;
    }

    @Override
    public SendResult send(Outgoing out) {
        String url =
                out.secret() == null || out.secret().isBlank()
                        ? out.url()
                        : DingTalkSign.signedUrl(
                                out.url(), out.secret(), AppClock.now().toEpochMilli());
        return OutboundHttp.postJson(
                url, RobotText.json(out.text()), Map.of(), out.allow(), out.caPem());
    }
}
