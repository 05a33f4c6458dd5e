package cn.duban.printing;

/**
 * A report could not be loaded, filled or exported; keeps JasperReports types out of callers'
 * signatures.
 */
public class PrintingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PrintingException(String message, Throwable cause) {
        super(message, cause);
    }
}
