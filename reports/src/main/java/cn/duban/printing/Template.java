package cn.duban.printing;

import java.io.IOException;
import java.io.InputStream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;

/**
 * The compiled templates: {@code src/main/jasperreports/<name>.jrxml} becomes {@code
 * cn/duban/printing/<name>.jasper}.
 */
enum Template {
    CIRCULAR("circular"),
    CIRCULAR_RANKINGS("circular_rankings"),
    CIRCULAR_OVERDUE("circular_overdue"),
    UNIT_LEDGER("unit_ledger"),
    SCORE_BREAKDOWN("score_breakdown"),
    SCORE_ADJUSTMENTS("score_adjustments"),
    EVIDENCE_PACK_INDEX("evidence_pack_index"),
    SUPERVISION_NOTICE("supervision_notice");

    private final String templateName;

    Template(String templateName) {
        this.templateName = templateName;
    }

    String templateName() {
        return templateName;
    }

    /** Classpath resource, relative to this package. */
    String resource() {
        return templateName + ".jasper";
    }

    JasperReport load() {
        try (InputStream in = Template.class.getResourceAsStream(resource())) {
            if (in == null) {
                throw new IllegalStateException(
                        "Compiled template cn/duban/printing/"
                                + resource()
                                + " is not on the classpath; it is produced by the reports module's build (compile-jrxml)");
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException | JRException e) {
            throw new PrintingException("Cannot load compiled template " + resource(), e);
        }
    }
}
