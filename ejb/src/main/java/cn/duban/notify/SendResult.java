package cn.duban.notify;

/**
 * What one attempt came to: sent, or failed with a reason, and whether trying again later may help
 * (a timeout or a 5xx may; a refused address, a redirect or a 4xx will not).
 */
public record SendResult(boolean sent, boolean retry, Integer httpStatus, String error) {

    public static SendResult ok(Integer status) {
        return new SendResult(true, false, status, null);
    }

    public static SendResult retry(Integer status, String error) {
        return new SendResult(false, true, status, clip(error));
    }

    public static SendResult fail(Integer status, String error) {
        return new SendResult(false, false, status, clip(error));
    }

    private static String clip(String s) {
        return s == null || s.length() <= 480 ? s : s.substring(0, 480);
    }
}
