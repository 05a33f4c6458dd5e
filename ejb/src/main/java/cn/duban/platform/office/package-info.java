/**
 * Reading uploaded Office files without trusting them: {@link cn.duban.platform.office.OfficeFile}
 * opens an OOXML package with limits that hold per read (entry count, expanded size per part and in
 * total, compression ratio) and a cap on concurrent reads per server, and {@link
 * cn.duban.platform.office.SheetStream} reads a worksheet row by row with SAX, so a workbook is
 * never expanded whole in memory. {@link cn.duban.platform.office.PdfText} reads a PDF's text with
 * positions (tables rebuilt) after inflating its streams into a counter (Flate bombs), with
 * PDFBox's memory bounded and pages and characters capped; {@link
 * cn.duban.platform.office.LegacyWord} reads Word 97–2003 files through HWPF. All of them share one
 * gate of concurrent reads. Used by the ledger import ({@code cn.duban.ledger.sheet}) and the plan
 * import ({@code cn.duban.plan.DocumentReader}); it depends on nothing of theirs.
 */
package cn.duban.platform.office;
