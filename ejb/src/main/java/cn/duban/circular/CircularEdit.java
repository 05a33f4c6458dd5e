package cn.duban.circular;

import cn.duban.platform.DubanException;

/**
 * The parts of a draft circular the office writes: header, title, recipients, praise wording, next
 * steps.
 */
public record CircularEdit(
        String issuingOffice,
        String docPrefix,
        String title,
        String recipients,
        String praiseReason,
        String nextSteps) {

    public CircularEdit {
        issuingOffice = strip(issuingOffice);
        docPrefix = strip(docPrefix);
        title = strip(title);
        recipients = strip(recipients);
        praiseReason = strip(praiseReason);
        nextSteps = nextSteps == null ? null : nextSteps.strip();
    }

    /** Checks lengths and required fields; a problem is a 400 naming the field. */
    CircularEdit validated() {
        required(issuingOffice, "发文机关", 200);
        required(docPrefix, "发文字号前缀", 40);
        required(title, "标题", 300);
        if (recipients != null && recipients.length() > 500)
            throw DubanException.badRequest("circular.invalid", "主送单位过长（最多500字）。");
        required(praiseReason, "表扬理由", 500);
        required(nextSteps, "下一步工作要求", 20_000);
        return this;
    }

    private static void required(String v, String what, int max) {
        if (v == null || v.isEmpty())
            throw DubanException.badRequest("circular.invalid", "请填写" + what + "。");
        if (v.length() > max)
            throw DubanException.badRequest("circular.invalid", what + "过长（最多" + max + "字）。");
    }

    private static String strip(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
