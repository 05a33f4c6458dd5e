package cn.duban.plan.parse;

/**
 * A document that cannot be read as a plan. {@link #code()} is stable (EMPTY, NO_NUMBERING,
 * ENCODING, TOO_LARGE, UNSUPPORTED_FORMAT, UNREADABLE); the message is Chinese, for the user.
 */
public class PlanParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public PlanParseException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
