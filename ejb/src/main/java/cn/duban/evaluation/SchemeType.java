package cn.duban.evaluation;

/**
 * How a scheme turns the ledger into points. COMPLETION: each indicator's points are earned in
 * proportion to its tasks' credit (on time, late, quality). DEDUCTION (起评分): each indicator starts
 * at full points and loses fixed amounts per overdue task, late completion, missed report and
 * returned report.
 */
public enum SchemeType {
    COMPLETION("完成度计分"),
    DEDUCTION("扣分制（起评分）");

    private final String label;

    SchemeType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
