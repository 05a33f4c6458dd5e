package cn.duban.platform;

import cn.duban.reports.ReportRenderer;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * The JasperReports renderer, created once at deployment: the compiled templates and the embedded
 * font load then, not on the first request. The renderer is thread-safe.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Reports {

    private ReportRenderer renderer;

    @PostConstruct
    void load() {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        // Font and template extensions are found through the context class loader.
        t.setContextClassLoader(ReportRenderer.class.getClassLoader());
        try {
            renderer = new ReportRenderer();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    public ReportRenderer renderer() {
        return renderer;
    }
}
