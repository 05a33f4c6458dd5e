package cn.duban.plan;

/**
 * A matter's source and its reference (文号 / 批示人 / 会议名称 / 工单号): the one value a matter's origin is
 * kept, shown and audited as. {@code reference} may be null (a plan point has none).
 */
public record SourceReference(TaskSource source, ReferenceKind kind, String reference) {

    public static final int MAX_REFERENCE = 300;

    public SourceReference {
        if (source == null) source = TaskSource.PLAN;
        reference = reference == null || reference.isBlank() ? null : reference.strip();
        if (kind == null) kind = source.referenceKind();
    }

    /** How lists show it: 领导批示（批示人：张三）. */
    public String display() {
        return reference == null
                ? source.label()
                : source.label() + "（" + kind.label() + "：" + reference + "）";
    }
}
