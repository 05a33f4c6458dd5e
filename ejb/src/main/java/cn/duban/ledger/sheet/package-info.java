/** The task ledger as an Excel workbook: export in the customary layout and import of a filled copy. Plain Java with POI. */
package cn.duban.ledger.sheet;
