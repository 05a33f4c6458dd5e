package cn.duban.ledger;

/** A progress report: a draft the unit may still change, then a record under review. */
public enum ReportState {
    DRAFT,
    SUBMITTED,
    APPROVED,
    RETURNED
}
