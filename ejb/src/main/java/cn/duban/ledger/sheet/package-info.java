/**
 * The task ledger as an Excel workbook: export in the customary layout and import of a filled copy.
 * Plain Java with POI. Uploaded Office files (the ledger here, plans in {@code cn.duban.plan}) are
 * opened through {@link cn.duban.ledger.sheet.OfficeFile}, with limits that hold per read and a cap on
 * concurrent reads, and workbooks are read streaming ({@link cn.duban.ledger.sheet.SheetStream}).
 */
package cn.duban.ledger.sheet;
