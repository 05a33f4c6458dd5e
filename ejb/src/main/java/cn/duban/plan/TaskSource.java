package cn.duban.plan;

/**
 * Where a task comes from (任务来源): a plan's work points ({@link #PLAN}), or a matter (交办事项) the
 * district office enters from another source. A matter's reference is of the source's usual kind:
 * 批示人 for a leader's instruction, 会议名称 for a meeting decision, 工单号 for the 12345 hotline, 文号
 * otherwise.
 */
public enum TaskSource {
    PLAN("工作计划", ReferenceKind.DOC_NUMBER),
    LEADER_INSTRUCTION("领导批示", ReferenceKind.INSTRUCTED_BY),
    MEETING_DECISION("会议决定事项", ReferenceKind.MEETING),
    NPC_SUGGESTION("人大建议", ReferenceKind.DOC_NUMBER),
    CPPCC_PROPOSAL("政协提案", ReferenceKind.DOC_NUMBER),
    HIGHER_AUTHORITY("上级交办", ReferenceKind.DOC_NUMBER),
    HOTLINE_12345("12345热线", ReferenceKind.TICKET);

    private final String label;
    private final ReferenceKind referenceKind;

    TaskSource(String label, ReferenceKind referenceKind) {
        this.label = label;
        this.referenceKind = referenceKind;
    }

    public String label() {
        return label;
    }

    /** The kind of reference a matter of this source carries unless told otherwise. */
    public ReferenceKind referenceKind() {
        return referenceKind;
    }

    /** A matter's source: any but {@link #PLAN}. */
    public boolean matter() {
        return this != PLAN;
    }

    /** The source by its name or its Chinese label (人大建议 …), else null. */
    public static TaskSource parse(String text) {
        if (text == null) return null;
        String t = text.strip();
        for (TaskSource s : values()) {
            if (s.name().equalsIgnoreCase(t) || s.label.equals(t)) return s;
        }
        if (t.equals("12345") || t.equals("12345热线工单")) return HOTLINE_12345;
        return null;
    }
}
