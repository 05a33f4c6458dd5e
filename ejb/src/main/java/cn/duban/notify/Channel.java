package cn.duban.notify;

/**
 * Where a message to a unit goes. The inbox always has it (and is never held or capped); the others
 * are external and go through the outbox.
 */
public enum Channel {
    INBOX,
    EMAIL,
    SMS,
    WECOM,
    DINGTALK;

    public boolean external() {
        return this != INBOX;
    }
}
