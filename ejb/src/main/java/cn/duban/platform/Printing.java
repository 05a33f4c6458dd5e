package cn.duban.platform;

import cn.duban.printing.DocumentRenderer;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * Printed documents: the JasperReports renderer of the {@code reports/} module, created once at
 * deployment: the compiled templates and the embedded font load then, not on the first request. The
 * renderer is thread-safe.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Printing {

    private DocumentRenderer renderer;

    @PostConstruct
    void load() {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        // Font and template extensions are found through the context class loader.
        t.setContextClassLoader(DocumentRenderer.class.getClassLoader());
        try {
            renderer = new DocumentRenderer();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    public DocumentRenderer renderer() {
        return renderer;
    }
}
