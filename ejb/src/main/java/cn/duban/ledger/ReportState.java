package cn.duban.ledger;

/**
 * A progress report: a draft the unit may still change, then a record under review. When the tenant
 * wants it, a 经办人's report first waits for the unit head ({@link #AWAITING_HEAD}, frozen), who
 * passes it on to the district or sends it back to draft.
 */
public enum ReportState {
    DRAFT,
    AWAITING_HEAD,
    SUBMITTED,
    APPROVED,
    RETURNED
}
