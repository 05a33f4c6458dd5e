package cn.duban.ledger.escalation;

/** The rungs of the escalation ladder (督办升级), lowest first. */
public enum Step {
    /** 提醒: a formal reminder in the unit's inbox and channels. */
    REMINDER("提醒"),
    /** 督办单: a numbered supervision notice the unit head signs for. */
    NOTICE("督办单"),
    /** 点名通报: the task and unit named in the next 工作通报. */
    NAMED("点名通报"),
    /** 约谈: the unit's head is called in; the talk is recorded. */
    TALK("约谈");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
