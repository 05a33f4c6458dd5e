package cn.duban.plan;

/** What a matter's reference text is: 文号, 批示人, 会议名称 or 工单号. */
public enum ReferenceKind {
    DOC_NUMBER("文号"),
    INSTRUCTED_BY("批示人"),
    MEETING("会议名称"),
    TICKET("工单号");

    private final String label;

    ReferenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
