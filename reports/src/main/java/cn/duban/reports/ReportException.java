package cn.duban.reports;

/**
 * A report could not be loaded, filled or exported; keeps JasperReports types out of callers'
 * signatures.
 */
public class ReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
