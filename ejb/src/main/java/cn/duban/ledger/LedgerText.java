package cn.duban.ledger;

import cn.duban.platform.DubanException;

/**
 * The ledger's checks and shortenings of free text (reasons, comments, titles in inbox subjects),
 * shared by the task, extension, report and reminder services so each rule has one place.
 */
public final class LedgerText {

    private LedgerText() {}

    /** A reason or comment the caller must give: stripped, at most 2000 characters. */
    static String required(String text, String message) {
        if (text == null || text.isBlank())
            throw DubanException.badRequest("request.reason-missing", message);
        if (text.length() > 2000)
            throw DubanException.badRequest("request.text-too-long", "填写内容过长（最多2000字）。");
        return text.strip();
    }

    /** A title short enough for an inbox subject. */
    public static String abbreviate(String title) {
        return title.length() <= 40 ? title : title.substring(0, 39) + "…";
    }
}
