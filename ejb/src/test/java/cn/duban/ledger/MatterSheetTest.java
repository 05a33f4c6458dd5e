package cn.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.plan.UnitDirectory;
import cn.duban.platform.DubanException;
import cn.duban.platform.SheetRows;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A batch of matters pasted as a table: columns by name, every bad row reported, limits. */
class MatterSheetTest {

    static final UUID CZJ = UUID.randomUUID(), SJJ = UUID.randomUUID();
    static final UnitDirectory UNITS =
            new UnitDirectory(
                    List.of(
                            new UnitDirectory.Entry(CZJ, "区财政局", List.of("财政局")),
                            new UnitDirectory.Entry(SJJ, "区数据局", List.of())));

    @Test
    void readsAPastedTableByColumnName() {
        String pasted =
                "来源\t事项\t批示人\t牵头单位\t配合单位\t完成时限\t重点\r\n"
                        + "领导批示\t推进预算公开\t张区长\t财政局\t区数据局\t2026-06-30\t是\n"
                        + "\n"
                        + "12345热线\t处理积压工单\t\t区数据局\t\t2026年9月30日\t\n";
        List<SheetRows.Row> rows = MatterSheet.pasted(pasted);
        MatterSheet.Read read = MatterSheet.read(rows, UNITS, 2026);
        assertThat(read.errors()).isEmpty();
        assertThat(read.rowNumbers()).containsExactly(2, 4);
        MatterInput first = read.matters().get(0);
        assertThat(first.source()).isEqualTo("领导批示");
        assertThat(first.referenceKind()).isEqualTo("INSTRUCTED_BY");
        assertThat(first.reference()).isEqualTo("张区长");
        assertThat(first.leadUnitId()).isEqualTo(CZJ);
        assertThat(first.coUnitIds()).containsExactly(SJJ);
        assertThat(first.deadline()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(first.keyTask()).isTrue();
        MatterInput second = read.matters().get(1);
        assertThat(second.reference()).isEmpty();
        assertThat(second.deadline()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(second.keyTask()).isFalse();
    }

    @Test
    void reportsEveryBadRow() {
        String pasted =
                "来源\t事项\t牵头单位\t完成时限\n" + "领导批示\t\t区财政局\t2026-06-30\n" + "会议决定事项\t修路\t区交通委\t不久\n";
        MatterSheet.Read read = MatterSheet.read(MatterSheet.pasted(pasted), UNITS, 2026);
        assertThat(read.matters()).isEmpty();
        assertThat(read.errors())
                .extracting(
                        cn.duban.platform.RowError::rowNumber, cn.duban.platform.RowError::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "事项"),
                        org.assertj.core.groups.Tuple.tuple(3, "牵头单位"),
                        org.assertj.core.groups.Tuple.tuple(3, "完成时限"));
    }

    @Test
    void refusesATableWithoutHeaderOrTooManyRows() {
        assertThatThrownBy(() -> MatterSheet.pasted("a\tb\n1\t2\n"))
                .isInstanceOf(DubanException.class)
                .hasFieldOrPropertyWithValue("code", "matter.batch-columns");
        StringBuilder big = new StringBuilder("来源\t事项\n");
        for (int i = 0; i < 10_000; i++) big.append("领导批示\t事项").append(i).append('\n');
        assertThatThrownBy(() -> MatterSheet.pasted(big.toString()))
                .isInstanceOf(DubanException.class)
                .hasFieldOrPropertyWithValue("code", "matter.batch-too-large")
                .hasFieldOrPropertyWithValue("status", 413);
        assertThatThrownBy(() -> MatterSheet.pasted("x".repeat(MatterSheet.MAX_PASTED_CHARS + 1)))
                .hasFieldOrPropertyWithValue("status", 413);
        assertThatThrownBy(() -> MatterSheet.pasted("  "))
                .hasFieldOrPropertyWithValue("code", "matter.batch-empty");
    }
}
