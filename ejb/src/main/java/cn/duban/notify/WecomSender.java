package cn.duban.notify;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** 企业微信 group robot: POST {@code {"msgtype":"text","text":{"content":…}}} to its webhook. */
@ApplicationScoped
public class WecomSender implements ChannelSender {

    @Override
    public Channel channel() {
        return Channel.WECOM;
    }

    @Override
    public SendResult send(Outgoing out) {
        return OutboundHttp.postJson(
                out.url(), RobotText.json(out.text()), Map.of(), out.allow(), out.caPem());
    }
}
