package cn.duban.printing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A 督办单 (supervision notice) in the layout of official documents (GB/T 9704-2012): the issuing
 * office's red mark, the 文号 and the red rule under it, the title, the unit it is addressed to, the
 * body, the office and date over the seal area, and the 版记 (copy-to and printing lines).
 *
 * @param issuingOffice e.g. 上海市普陀区人民政府办公室
 * @param docNumber e.g. 普府办督〔2026〕3号
 * @param unitName the unit it is addressed to (主送)
 * @param taskTitle the task as the ledger names it
 * @param source where the task comes from, e.g. 2026年政务公开工作要点
 * @param deadline the task's deadline (完成时限)
 * @param overdueDays days past it on {@code issueDate}
 * @param replyBy the date the unit must report by
 * @param copyTo 抄送, or null
 * @param acknowledgement who acknowledged it and when (签收), or null while not acknowledged
 */
public record SupervisionNotice(
        String issuingOffice,
        String docNumber,
        LocalDate issueDate,
        String unitName,
        String taskTitle,
        String source,
        LocalDate deadline,
        int overdueDays,
        LocalDate replyBy,
        String copyTo,
        String acknowledgement) {

    public SupervisionNotice {
        requireNonNull(issuingOffice, "issuingOffice");
        requireNonNull(docNumber, "docNumber");
        requireNonNull(issueDate, "issueDate");
        requireNonNull(unitName, "unitName");
        requireNonNull(taskTitle, "taskTitle");
        requireNonNull(deadline, "deadline");
        requireNonNull(replyBy, "replyBy");
    }

    public String title() {
        return "关于督促办理“" + taskTitle + "”的督办通知";
    }
}
