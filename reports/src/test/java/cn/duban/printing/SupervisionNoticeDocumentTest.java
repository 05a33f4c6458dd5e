package cn.duban.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * The 督办单 read back as text and looked at as an image: the red mark and rule of an official
 * document's 版头 where GB/T 9704-2012 puts them, black body text under them.
 */
class SupervisionNoticeDocumentTest {

    private static final DocumentRenderer RENDERER = new DocumentRenderer();

    static final SupervisionNotice NOTICE =
            new SupervisionNotice(
                    "上海市普陀区人民政府办公室",
                    "普府办督〔2026〕3号",
                    LocalDate.of(2026, 12, 1),
                    "长寿路街道",
                    "3 推进老旧小区加装电梯",
                    "2026年政务公开工作要点",
                    LocalDate.of(2026, 11, 1),
                    30,
                    LocalDate.of(2026, 12, 8),
                    null,
                    null);

    @Test
    void saysWhoIsChasedForWhatAndByWhen() throws IOException {
        try (PDDocument doc = PdfChecks.load(RENDERER.supervisionNotice(NOTICE))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = PdfChecks.squashedText(doc);
            assertThat(text)
                    .contains(
                            "上海市普陀区人民政府办公室",
                            "督　办　单",
                            "普府办督〔2026〕3号",
                            "关于督促办理“3推进老旧小区加装电梯”的督办通知",
                            "长寿路街道：",
                            "完成时限为2026年11月1日，截至2026年12月1日已逾期30天",
                            "于2026年12月8日前通过督办系统报送",
                            "（印章）",
                            "抄送：区政府领导。",
                            "2026年12月1日印发");
            assertThat(text).doesNotContain("签收人");
            PdfChecks.assertAllFontsEmbedded(doc);
            PdfChecks.assertNoMissingGlyphs(doc);
        }
        assertThat(PdfChecks.charactersMissingFromFonts(PdfChecks.inputStrings(NOTICE))).isEmpty();
    }

    @Test
    void looksLikeAnOfficialDocument() throws IOException {
        BufferedImage page;
        try (PDDocument doc = PdfChecks.load(RENDERER.supervisionNotice(NOTICE))) {
            page = new PDFRenderer(doc).renderImageWithDPI(0, 72);
        }
        Path shot = Path.of("target/screenshots/supervision-notice.png");
        Files.createDirectories(shot.getParent());
        ImageIO.write(page, "png", shot.toFile());
        // 72 dpi: one pixel per point. Top margin 90 pt: the mark from y 90, the rule at y 206.
        assertThat(redShare(page, 90, 180)).as("the red mark").isGreaterThan(0.02);
        assertThat(redRows(page, 200, 212)).as("the red rule under the 文号").isPositive();
        assertThat(redShare(page, 0, 88)).as("nothing above the 版头").isZero();
        // The body is black, not red: the rows of the body text carry dark pixels and no red.
        assertThat(darkShare(page, 250, 400)).as("body text").isGreaterThan(0.005);
        assertThat(redShare(page, 250, 320)).as("no red in the body").isZero();
    }

    @Test
    void anAcknowledgedNoticeSaysWhoSignedForIt() throws IOException {
        SupervisionNotice signed =
                new SupervisionNotice(
                        NOTICE.issuingOffice(),
                        NOTICE.docNumber(),
                        NOTICE.issueDate(),
                        NOTICE.unitName(),
                        NOTICE.taskTitle(),
                        null,
                        NOTICE.deadline(),
                        NOTICE.overdueDays(),
                        NOTICE.replyBy(),
                        "区政府分管领导，区督查室。",
                        "签收人：王主任（长寿路街道）　签收时间：2026年12月2日 09:12");
        try (PDDocument doc = PdfChecks.load(RENDERER.supervisionNotice(signed))) {
            String text = PdfChecks.squashedText(doc);
            assertThat(text)
                    .contains("签收人：王主任（长寿路街道）　签收时间：2026年12月2日09:12")
                    .contains("抄送：区政府分管领导，区督查室。")
                    .contains("你单位承担的“3推进老旧小区加装电梯”，完成时限");
        }
    }

    private static double redShare(BufferedImage image, int fromY, int toY) {
        return share(image, fromY, toY, true);
    }

    private static double darkShare(BufferedImage image, int fromY, int toY) {
        return share(image, fromY, toY, false);
    }

    private static double share(BufferedImage image, int fromY, int toY, boolean red) {
        long hits = 0, all = 0;
        for (int y = fromY; y < Math.min(toY, image.getHeight()); y++)
            for (int x = 0; x < image.getWidth(); x++, all++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (red ? r > 150 && g < 110 && b < 110 : r < 90 && g < 90 && b < 90) hits++;
            }
        return all == 0 ? 0 : (double) hits / all;
    }

    /** Rows in which more than half of the width is red: a rule. */
    private static int redRows(BufferedImage image, int fromY, int toY) {
        int rows = 0;
        for (int y = fromY; y < toY; y++) {
            int red = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > 150 && ((rgb >> 8) & 0xff) < 110 && (rgb & 0xff) < 110)
                    red++;
            }
            if (red > image.getWidth() / 2) rows++;
        }
        return rows;
    }
}
