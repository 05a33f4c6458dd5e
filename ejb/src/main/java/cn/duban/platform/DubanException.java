package cn.duban.platform;

import jakarta.ejb.ApplicationException;

/**
 * A failure the caller can understand and act on. It carries the HTTP status, a stable
 * machine-readable {@code code} and a Chinese {@code detail} for people; the REST layer renders it
 * as RFC 9457 problem+json and the UI shows the detail. Throwing it rolls the transaction back, so
 * nothing is half-saved.
 */
@ApplicationException(rollback = true)
public class DubanException extends RuntimeException {

    private final int status;
    private final String code;
    private final java.util.List<?> errors;

    public DubanException(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    /**
     * With itemised errors (e.g. the rows of an imported sheet), rendered as the problem's {@code
     * errors}.
     */
    public DubanException(int status, String code, String detail, java.util.List<?> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = errors == null ? null : java.util.List.copyOf(errors);
    }

    public static DubanException badRequest(String code, String detail) {
        return new DubanException(400, code, detail);
    }

    public static DubanException unauthorized() {
        return new DubanException(401, "auth.required", "请先登录。");
    }

    public static DubanException forbidden(String detail) {
        return new DubanException(403, "auth.forbidden", detail);
    }

    public static DubanException notFound(String code, String detail) {
        return new DubanException(404, code, detail);
    }

    public static DubanException conflict(String code, String detail) {
        return new DubanException(409, code, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public java.util.List<?> errors() {
        return errors;
    }
}
