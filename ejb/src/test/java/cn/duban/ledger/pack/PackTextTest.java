package cn.duban.ledger.pack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ledger.Contribution;
import cn.duban.ledger.Rating;
import cn.duban.ledger.ReportState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PackTextTest {

    private static final String SHA = "a".repeat(64);

    @Test
    void aTaskReadsWithItsReportsReviewsAndFiles() {
        UUID task = UUID.randomUUID(), r1 = UUID.randomUUID(), r2 = UUID.randomUUID();
        PackTask t =
                new PackTask(
                        task,
                        "2026年普陀区政务公开工作要点",
                        "一、深化重点领域信息公开",
                        "3",
                        "开展政务公开专项检查",
                        "长寿路街道",
                        true,
                        LocalDate.of(2026, 6, 30),
                        "2026年6月底前",
                        "已办结（按时）",
                        100,
                        LocalDate.of(2026, 6, 20),
                        "优",
                        true);
        PackReport returned =
                new PackReport(
                        r1,
                        task,
                        ReportState.RETURNED,
                        100,
                        "已完成检查。\n共检查 12 处。",
                        "张三",
                        Instant.parse("2026-06-01T02:00:00Z"),
                        null,
                        null,
                        null,
                        "pt-admin",
                        Instant.parse("2026-06-02T03:00:00Z"),
                        "请补充照片",
                        null);
        PackReport approved =
                new PackReport(
                        r2,
                        task,
                        ReportState.APPROVED,
                        100,
                        "已补充照片。",
                        "张三",
                        Instant.parse("2026-06-10T02:00:00Z"),
                        null,
                        null,
                        null,
                        "pt-admin",
                        Instant.parse("2026-06-20T03:00:00Z"),
                        null,
                        Rating.EXCELLENT);
        PackFile photo =
                new PackFile(
                        UUID.randomUUID(),
                        false,
                        r2,
                        "现场照片.png",
                        1_258_291,
                        SHA,
                        "pt-csl",
                        Instant.parse("2026-06-10T01:00:00Z"));
        String text =
                PackText.summary(
                        t,
                        List.of(
                                new PackText.ReportPart(returned, "f/第1次报送（2026-06-01）", List.of()),
                                new PackText.ReportPart(
                                        approved,
                                        "f/第2次报送（2026-06-10）",
                                        List.of(
                                                new PackText.Placed(
                                                        photo, "f/第2次报送（2026-06-10）/现场照片.png")))),
                        null);
        assertThat(text)
                .startsWith("\uFEFF任务：开展政务公开专项检查\r\n")
                .contains(
                        "责任单位：长寿路街道（牵头）",
                        "完成时限：2026-06-30（2026年6月底前）　重点任务",
                        "状态：已办结（按时）　完成度：100%　办结日期：2026-06-20　质量评价：优",
                        "进展报送（共 2 次）",
                        "第 1 次报送（被退回）",
                        "报送人：张三　报送时间：2026-06-01 10:00　完成度：100%",
                        "    已完成检查。\r\n    共检查 12 处。\r\n",
                        "区府办审核：pt-admin 于 2026-06-02 11:00 退回，意见：请补充照片",
                        "第 2 次报送（已通过）",
                        "区府办审核：pt-admin 于 2026-06-20 11:00 通过，质量评价：优",
                        "- 现场照片.png（1.20 MB，SHA-256 " + SHA + "）",
                        "包内路径：f/第2次报送（2026-06-10）/现场照片.png")
                .doesNotContain("配合情况")
                .doesNotContain("\n\n");
    }

    @Test
    void aCoUnitTaskShowsItsContribution() {
        UUID task = UUID.randomUUID(), c = UUID.randomUUID();
        PackTask t =
                new PackTask(
                        task,
                        "计划",
                        null,
                        null,
                        "建设数据共享平台",
                        "区数据局",
                        false,
                        LocalDate.of(2026, 3, 31),
                        null,
                        "推进中",
                        0,
                        null,
                        null,
                        false);
        assertThat(PackText.summary(t, List.of(), null))
                .contains("进展报送：无", "配合情况：未向牵头单位报送。", "工作要点：—");
        PackContribution sent =
                new PackContribution(
                        c,
                        task,
                        Contribution.State.ACKNOWLEDGED,
                        60,
                        "已完成数据比对",
                        "李四",
                        Instant.parse("2026-03-01T00:00:00Z"),
                        Instant.parse("2026-03-02T00:00:00Z"),
                        "王五",
                        Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(
                        PackText.summary(
                                t,
                                List.of(),
                                new PackText.ContributionPart(sent, "f/配合情况", List.of())))
                .contains(
                        "配合情况（报送牵头单位）",
                        "报送人：李四　首次报送：2026-03-01 08:00　最近报送：2026-03-02 08:00　完成度：60%",
                        "牵头单位确认：王五 于 2026-03-03 08:00 确认收到",
                        "    已完成数据比对",
                        "佐证材料：无");
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(PackText.size(812)).isEqualTo("812 B");
        assertThat(PackText.size(1_258_291)).isEqualTo("1.20 MB");
        assertThat(PackText.size(2_200_000_000L)).isEqualTo("2.05 GB");
    }
}
