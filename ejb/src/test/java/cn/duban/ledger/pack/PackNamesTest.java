package cn.duban.ledger.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackNamesTest {

    @Test
    void aTaskFolderReadsAsPointTitleAndUnit() {
        assertThat(PackNames.taskFolder("3", "开展政务公开专项检查。按季度报送进展", "长寿路街道"))
                .isEqualTo("3 开展政务公开专项检查 - 长寿路街道");
        // Published tasks' titles lead with their number already (Publishing.title).
        assertThat(PackNames.taskFolder("3", "3 开展政务公开专项检查。按季度报送进展", "长寿路街道"))
                .isEqualTo("3 开展政务公开专项检查 - 长寿路街道");
        assertThat(PackNames.numbered("3", "3 开展检查")).isEqualTo("3 开展检查");
        assertThat(PackNames.numbered("3", "开展检查")).isEqualTo("3 开展检查");
        assertThat(PackNames.numbered("3", "30 开展检查")).isEqualTo("3 30 开展检查");
        assertThat(PackNames.taskFolder(null, "建设数据共享平台", "区数据局")).isEqualTo("建设数据共享平台 - 区数据局");
        assertThat(PackNames.shortTitle("深化重点领域信息公开，更新重点领域基础信息清单并按季度公开进展情况"))
                .hasSize(24)
                .endsWith("…");
    }

    @Test
    void fileNamesFromUsersCannotLeaveTheirFolder() {
        PackNames names = new PackNames();
        String folder = names.folder("", "1 检查 - 长寿路街道");
        List<String> hostile =
                List.of(
                        "../../etc/passwd",
                        "..\\..\\Windows\\win.ini",
                        "/etc/shadow",
                        "C:\\Users\\a.pdf",
                        "..",
                        ".",
                        "...",
                        " ",
                        "",
                        "a\u0000b.pdf",
                        "报告\u202Efdp.exe",
                        "CON.pdf",
                        "nul",
                        "x.pdf.",
                        "a\nb.pdf",
                        "文件名很长" + "长".repeat(300) + ".pdf");
        for (String raw : hostile) {
            String path = names.file(folder, raw);
            assertThat(path).as(raw).startsWith(folder + "/");
            String name = path.substring(folder.length() + 1);
            assertThat(name)
                    .as(raw)
                    .doesNotContain("/", "\\", ":", "\u0000", "\u202E", "\n")
                    .isNotIn("", ".", "..")
                    .doesNotStartWith(".")
                    .doesNotEndWith(".")
                    .doesNotEndWith(" ");
            assertThat(name.codePointCount(0, name.length())).as(raw).isLessThanOrEqualTo(86);
            String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            assertThat(stem.toLowerCase(Locale.ROOT)).isNotIn("con", "nul");
        }
        assertThat(names.file(folder, "../../etc/passwd")).endsWith("／..／etc／passwd (2)");
        assertThat(names.file(folder, "文件名很长" + "长".repeat(300) + ".pdf")).endsWith(".pdf");
        assertThat(names.file(folder, "C:\\Users\\a.pdf")).endsWith("/C：＼Users＼a (2).pdf");
    }

    @Test
    void noTwoEntriesAreAlikeEvenIgnoringCase() {
        PackNames names = new PackNames();
        Set<String> seen = new HashSet<>();
        List<String> paths = new ArrayList<>();
        String folder = names.folder("", "计划");
        for (String raw :
                List.of("照片.PNG", "照片.png", "照片.png", "照片 (2).png", "Report.pdf", "report.PDF")) {
            paths.add(names.file(folder, raw));
        }
        for (String p : paths) assertThat(seen.add(p.toLowerCase(Locale.ROOT))).as(p).isTrue();
        assertThat(paths)
                .containsExactly(
                        "计划/照片.PNG",
                        "计划/照片 (2).png",
                        "计划/照片 (3).png",
                        "计划/照片 (2) (2).png",
                        "计划/Report.pdf",
                        "计划/report (2).PDF");
        // Folders too: two tasks of the same point number, title and unit.
        assertThat(names.folder("计划", "1 检查 - 长寿路街道")).isEqualTo("计划/1 检查 - 长寿路街道");
        assertThat(names.folder("计划", "1 检查 - 长寿路街道")).isEqualTo("计划/1 检查 - 长寿路街道 (2)");
        // A folder never takes a file's name, nor the index's.
        PackNames root = new PackNames();
        assertThat(root.file("", "目录.pdf")).isEqualTo("目录.pdf");
        assertThat(root.folder("", "目录.pdf")).isEqualTo("目录.pdf (2)");
    }

    @Test
    void namesKeepChineseAndWholeCharacters() {
        assertThat(PackNames.segment("2026年“政务公开”工作要点：第一批", 100, "x"))
                .isEqualTo("2026年“政务公开”工作要点：第一批");
        assertThat(PackNames.segment("a<b>c|d?e*f\"g", 100, "x")).isEqualTo("a＜b＞c｜d？e＊f＂g");
        // A character outside the BMP is never cut in half.
        assertThat(PackNames.cut("𠀀𠀀𠀀", 2)).isEqualTo("𠀀𠀀");
        assertThat(PackNames.planFolder("　")).isEqualTo("未命名计划");
    }
}
