package cn.duban.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class EvidencePackIndexDocumentTest {

    private static final DocumentRenderer RENDERER = new DocumentRenderer();
    private static final String SHA =
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void listsEveryTaskAndEveryFileWithItsHashAndPath() throws IOException {
        String folder = "2026年政务公开工作要点/1 更新重点领域基础信息清单 - 长寿路街道";
        EvidencePackIndex index =
                new EvidencePackIndex(
                        "2026年度佐证材料目录",
                        "单位：长寿路街道",
                        "2026年10月16日 09:30",
                        List.of(
                                new EvidencePackIndex.Task(
                                        "1 更新重点领域基础信息清单",
                                        "长寿路街道",
                                        "已办结（按时）",
                                        "100%",
                                        folder,
                                        List.of(
                                                new EvidencePackIndex.File(
                                                        "现场照片.png",
                                                        1_258_291,
                                                        SHA,
                                                        folder + "/第1次报送（2026-03-01）/现场照片.png"),
                                                new EvidencePackIndex.File(
                                                        "会议纪要.pdf",
                                                        812,
                                                        SHA,
                                                        folder + "/第1次报送（2026-03-01）/会议纪要.pdf"))),
                                new EvidencePackIndex.Task(
                                        "2 组织专题培训",
                                        "区数据局",
                                        "推进中",
                                        "40%",
                                        "2026年政务公开工作要点/2 组织专题培训 - 区数据局",
                                        List.of())));

        try (PDDocument doc = PdfChecks.load(render(index))) {
            String text = PdfChecks.squashedText(doc);
            assertThat(text)
                    .contains(
                            "2026年度佐证材料目录",
                            "范围：单位：长寿路街道",
                            "1更新重点领域基础信息清单",
                            "已办结（按时）",
                            "现场照片.png",
                            "1.20MB",
                            "812B",
                            SHA,
                            "第1次报送（2026-03-01）/会议纪要.pdf",
                            "2组织专题培训",
                            "（无佐证材料）",
                            "共2项任务，2个佐证材料");
            PdfChecks.assertAllFontsEmbedded(doc);
            PdfChecks.assertNoMissingGlyphs(doc);
        }
        assertThat(PdfChecks.charactersMissingFromFonts(PdfChecks.inputStrings(index))).isEmpty();
    }

    @Test
    void aLargeIndexRendersPageAfterPage() throws IOException {
        // 600 tasks with 3 files each: past the pages the virtualizer keeps unpacked.
        List<EvidencePackIndex.Task> tasks = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            String folder = "计划/" + i + " 任务" + i + " - 单位" + (i % 30);
            List<EvidencePackIndex.File> files = new ArrayList<>();
            for (int f = 1; f <= 3; f++)
                files.add(
                        new EvidencePackIndex.File(
                                "材料" + f + ".pdf", 2048L * f, SHA, folder + "/材料" + f + ".pdf"));
            tasks.add(
                    new EvidencePackIndex.Task(
                            i + " 任务" + i, "单位" + (i % 30), "推进中", "50%", folder, files));
        }
        EvidencePackIndex index =
                new EvidencePackIndex("2026年度佐证材料目录", "全区", "2026年10月16日 09:30", tasks);

        try (PDDocument doc = PdfChecks.load(render(index))) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(40);
            List<String> pages = PdfChecks.pageTexts(doc);
            String last = PdfChecks.squash(pages.get(pages.size() - 1));
            assertThat(last).contains("共600项任务，1800个佐证材料");
            assertThat(PdfChecks.squashedText(doc)).contains("600任务600", "材料3.pdf");
            assertThat(PdfChecks.squash(pages.get(0)))
                    .contains("第1页共" + pages.size() + "页", "序号任务/佐证材料");
        }
    }

    @Test
    void emptyIndexStillRenders() throws IOException {
        EvidencePackIndex empty =
                new EvidencePackIndex("2026年度佐证材料目录", "全区", "2026年10月16日 09:30", List.of());
        try (PDDocument doc = PdfChecks.load(render(empty))) {
            assertThat(PdfChecks.squashedText(doc)).contains("范围：全区", "无任务。");
        }
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(DocumentData.size(812)).isEqualTo("812 B");
        assertThat(DocumentData.size(3_482)).isEqualTo("3.40 KB");
        assertThat(DocumentData.size(10L * 1024 * 1024)).isEqualTo("10.0 MB");
        assertThat(DocumentData.size(2_200_000_000L)).isEqualTo("2.05 GB");
    }

    private static byte[] render(EvidencePackIndex index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RENDERER.evidencePackIndex(index, out);
        return out.toByteArray();
    }
}
