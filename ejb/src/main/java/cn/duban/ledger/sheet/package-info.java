/**
 * The task ledger as an Excel workbook: export in the customary layout and import of a filled copy.
 * Plain Java with POI. Uploaded workbooks are opened through {@link
 * cn.duban.platform.office.OfficeFile} and read streaming ({@link
 * cn.duban.platform.office.SheetStream}), within limits that hold per read.
 */
package cn.duban.ledger.sheet;
