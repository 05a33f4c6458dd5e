package cn.duban.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A matter (交办事项) as the district office enters it, alone or as a row of a batch: its source (name
 * such as {@code LEADER_INSTRUCTION} or label such as 领导批示), the reference (文号 / 批示人 / 会议名称 / 工单号:
 * one text, its kind by the source unless given), the lead unit and co-units, the deadline and the
 * key flag.
 */
public record MatterInput(
        String source,
        String title,
        String text,
        String referenceKind,
        String reference,
        UUID leadUnitId,
        List<UUID> coUnitIds,
        LocalDate deadline,
        boolean keyTask) {

    public MatterInput {
        coUnitIds = coUnitIds == null ? List.of() : List.copyOf(coUnitIds);
    }
}
