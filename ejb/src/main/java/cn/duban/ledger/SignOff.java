package cn.duban.ledger;

import cn.duban.platform.DubanException;

/**
 * A key task's sign-off by a leader (审结), after the district approved its final report: awaiting →
 * signed off, or sent back to the district with a reason, which asks again once it has dealt with
 * it. Non-key tasks have none and close at approval, as ever.
 */
public enum SignOff {
    AWAITING,
    SIGNED_OFF,
    SENT_BACK;

    /** What a decision leads to from here; a refusal names what the task is waiting for. */
    public static SignOff next(SignOff from, Decision decision) {
        return switch (decision) {
            case SIGN_OFF, SEND_BACK -> {
                if (from != AWAITING)
                    throw DubanException.conflict(
                            "signoff.not-awaiting", "该任务不在待审结状态（可能已审结或已退回区府办），请刷新。");
                yield decision == Decision.SIGN_OFF ? SIGNED_OFF : SENT_BACK;
            }
            case ASK_AGAIN -> {
                if (from != SENT_BACK)
                    throw DubanException.conflict("signoff.not-sent-back", "只有被领导退回的任务才能重新提请审结。");
                yield AWAITING;
            }
        };
    }

    /** A leader signs off or sends back; the district office asks again after a send-back. */
    public enum Decision {
        SIGN_OFF,
        SEND_BACK,
        ASK_AGAIN
    }
}
