package cn.duban.notify;

import jakarta.json.Json;

/** The text message both group robots take. */
final class RobotText {

    private RobotText() {}

    static String json(String content) {
        return Json.createObjectBuilder()
                .add("msgtype", "text")
                .add("text", Json.createObjectBuilder().add("content", content))
                .build()
                .toString();
    }
}
