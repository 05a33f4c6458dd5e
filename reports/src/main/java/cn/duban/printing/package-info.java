/**
 * Printed Duban documents (not progress reports, which are {@code cn.duban.ledger}), rendered with
 * JasperReports: the 工作通报 {@link cn.duban.printing.Circular} (PDF, XLSX, DOCX), a unit's task
 * ledger {@link cn.duban.printing.UnitLedger} and its evaluation breakdown {@link
 * cn.duban.printing.ScoreBreakdown} (PDF), and the index of an evidence pack {@link
 * cn.duban.printing.EvidencePackIndex} (PDF, written to a stream).
 *
 * <p>Callers build the plain records and hand them to one shared {@link
 * cn.duban.printing.DocumentRenderer}; nothing here depends on the EJB module or on container
 * types, and no JasperReports type appears in the API ({@link cn.duban.printing.PrintingException}
 * wraps its failures).
 *
 * <p>Templates live in {@code src/main/jasperreports/*.jrxml} (JRXML 7 format, Java expressions)
 * and are compiled to {@code cn/duban/printing/*.jasper} by {@link
 * cn.duban.printing.TemplateCompiler} during the Maven build; at run time the compiled forms are
 * only deserialised, once per renderer.
 *
 * <p>All templates use the font family "Noto Sans SC", bundled under {@code fonts/notosanssc/} and
 * registered through {@code jasperreports_extension.properties}, so PDFs embed a subset of it and
 * Chinese text never depends on the fonts of the server.
 */
package cn.duban.printing;
