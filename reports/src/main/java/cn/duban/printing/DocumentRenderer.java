package cn.duban.printing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.export.ooxml.JRDocxExporter;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.engine.fill.JRGzipVirtualizer;
import net.sf.jasperreports.export.Exporter;
import net.sf.jasperreports.export.ExporterInput;
import net.sf.jasperreports.export.OutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleDocxReportConfiguration;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders the Duban reports to bytes. Create one instance and share it: the constructor loads and
 * keeps every compiled template, and rendering is thread-safe (each call fills and exports its own
 * document; the cached {@link JasperReport}s are never modified).
 */
public final class DocumentRenderer {

    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final String CREATOR = "Duban 督办";

    /** Pages of a large document kept as filled objects; the rest are gzipped in memory. */
    private static final int VIRTUAL_PAGES = 20;

    private final Map<Template, JasperReport> templates = new EnumMap<>(Template.class);

    /** Loads all compiled templates; fails at once if one is missing from the classpath. */
    public DocumentRenderer() {
        for (Template template : Template.values()) {
            templates.put(template, template.load());
        }
    }

    /**
     * 工作通报 as PDF, XLSX or DOCX. XLSX is filled without pagination so the sheet is one continuous
     * table instead of repeating headers at every former page break.
     */
    public byte[] circular(Circular circular, Format format) {
        Map<String, Object> parameters = DocumentData.circular(circular);
        parameters.put("RANKINGS_REPORT", templates.get(Template.CIRCULAR_RANKINGS));
        parameters.put("OVERDUE_REPORT", templates.get(Template.CIRCULAR_OVERDUE));
        if (format == Format.XLSX) {
            parameters.put(JRParameter.IS_IGNORE_PAGINATION, Boolean.TRUE);
        }
        // One empty record: the circular's sections are detail bands printed once.
        JasperPrint print = fill(Template.CIRCULAR, parameters, new JREmptyDataSource(1));
        return switch (format) {
            case PDF -> pdf(print, circular.title(), circular.issuingOffice());
            case XLSX -> xlsx(print, "工作通报");
            case DOCX -> docx(print);
        };
    }

    /** A unit's task ledger as landscape PDF. */
    public byte[] unitLedger(UnitLedger ledger) {
        JasperPrint print =
                fill(
                        Template.UNIT_LEDGER,
                        DocumentData.unitLedger(ledger),
                        new JRMapCollectionDataSource(DocumentData.ledgerRows(ledger)));
        return pdf(print, ledger.title(), ledger.unitName());
    }

    /** A unit's evaluation breakdown as PDF. */
    public byte[] scoreBreakdown(ScoreBreakdown breakdown) {
        Map<String, Object> parameters = DocumentData.scoreBreakdown(breakdown);
        parameters.put("ADJUSTMENTS_REPORT", templates.get(Template.SCORE_ADJUSTMENTS));
        JasperPrint print =
                fill(
                        Template.SCORE_BREAKDOWN,
                        parameters,
                        new JRMapCollectionDataSource(DocumentData.scoreLines(breakdown)));
        return pdf(print, breakdown.unitName() + "考核得分明细", breakdown.unitName());
    }

    /** A 督办单 as PDF, one page in the layout of official documents. */
    public byte[] supervisionNotice(SupervisionNotice notice) {
        JasperPrint print =
                fill(
                        Template.SUPERVISION_NOTICE,
                        DocumentData.supervisionNotice(notice),
                        new JREmptyDataSource(1));
        return pdf(print, notice.title(), notice.issuingOffice());
    }

    /**
     * The index (目录) of an evidence pack as landscape PDF, written to {@code out}. Filled pages
     * beyond the first few are kept gzipped in memory, so a pack of thousands of tasks does not
     * hold hundreds of laid-out pages.
     */
    public void evidencePackIndex(EvidencePackIndex index, OutputStream out) {
        JRGzipVirtualizer virtualizer = new JRGzipVirtualizer(VIRTUAL_PAGES);
        try {
            Map<String, Object> parameters = DocumentData.evidencePackIndex(index);
            parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
            JasperPrint print =
                    fill(
                            Template.EVIDENCE_PACK_INDEX,
                            parameters,
                            new JRMapCollectionDataSource(DocumentData.evidencePackRows(index)));
            virtualizer.setReadOnly(true);
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setConfiguration(pdfConfiguration(index.title(), CREATOR));
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            try {
                exporter.exportReport();
            } catch (JRException e) {
                throw new PrintingException("Cannot export report " + print.getName(), e);
            }
        } finally {
            virtualizer.cleanup();
        }
    }

    private JasperPrint fill(Template template, Map<String, Object> parameters, JRDataSource data) {
        parameters.put(JRParameter.REPORT_LOCALE, LOCALE);
        try {
            return JasperFillManager.fillReport(templates.get(template), parameters, data);
        } catch (JRException e) {
            throw new PrintingException("Cannot fill report " + template.templateName(), e);
        }
    }

    private static byte[] pdf(JasperPrint print, String title, String author) {
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setConfiguration(pdfConfiguration(title, author));
        return export(exporter, print);
    }

    private static SimplePdfExporterConfiguration pdfConfiguration(String title, String author) {
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(title);
        configuration.setMetadataAuthor(author);
        configuration.setMetadataCreator(CREATOR);
        configuration.setCompressed(true);
        return configuration;
    }

    private static byte[] xlsx(JasperPrint print, String sheetName) {
        JRXlsxExporter exporter = new JRXlsxExporter();
        SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
        configuration.setSheetNames(new String[] {sheetName});
        configuration.setOnePagePerSheet(false);
        configuration.setDetectCellType(true);
        configuration.setRemoveEmptySpaceBetweenRows(true);
        configuration.setRemoveEmptySpaceBetweenColumns(true);
        configuration.setWhitePageBackground(false);
        configuration.setIgnorePageMargins(true);
        exporter.setConfiguration(configuration);
        return export(exporter, print);
    }

    private static byte[] docx(JasperPrint print) {
        JRDocxExporter exporter = new JRDocxExporter();
        SimpleDocxReportConfiguration configuration = new SimpleDocxReportConfiguration();
        // Word lays text out with its own font metrics; fixed row heights would clip wrapped lines.
        configuration.setFlexibleRowHeight(true);
        exporter.setConfiguration(configuration);
        return export(exporter, print);
    }

    private static byte[] export(
            Exporter<ExporterInput, ?, ?, OutputStreamExporterOutput> exporter, JasperPrint print) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        try {
            exporter.exportReport();
        } catch (JRException e) {
            throw new PrintingException("Cannot export report " + print.getName(), e);
        }
        return out.toByteArray();
    }
}
