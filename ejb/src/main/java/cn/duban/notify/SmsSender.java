package cn.duban.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.Map;

/**
 * SMS through the district's HTTP gateway (docs/ARCHITECTURE.md, "Notification channels"): POST
 * {@code {"phones": [...], "text": "..."}} with the tenant's key in {@code X-Api-Key}; any 2xx is
 * accepted.
 */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    public static final String KEY_HEADER = "X-Api-Key";

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendResult send(Outgoing out) {
        JsonArrayBuilder phones = Json.createArrayBuilder();
        out.phones().forEach(phones::add);
        String json =
                Json.createObjectBuilder()
                        .add("phones", phones)
                        .add("text", out.text())
                        .build()
                        .toString();
        return OutboundHttp.postJson(
                out.url(), json, Map.of(KEY_HEADER, out.secret()), out.allow(), out.caPem());
    }
}
