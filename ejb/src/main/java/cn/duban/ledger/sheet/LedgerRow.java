package cn.duban.ledger.sheet;

import java.util.UUID;

/**
 * One task as a row of the exported ledger ({@link LedgerSheet#write}), in the sheet's column
 * order. Top-level rather than {@code LedgerSheet.Row} so it no longer shadows POI's {@code Row}
 * there.
 */
public record LedgerRow(
        String number,
        String section,
        String task,
        String leadUnits,
        String cooperatingUnits,
        String deadline,
        String progress,
        String status,
        String unitName,
        Integer percent,
        UUID taskId) {}
