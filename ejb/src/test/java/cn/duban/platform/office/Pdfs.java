package cn.duban.platform.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * PDFs built for tests with PDFBox: text placed where a table's cells would stand, bombs, a huge
 * page count.
 */
public final class Pdfs {

    /** Text to place: page (0-based), x, y from the top, the text. */
    public record Text(int page, float x, float y, String text) {}

    private Pdfs() {}

    /** Chinese text at the given places in Noto Sans SC (the font the reports embed), 10 pt, A4. */
    public static byte[] chinese(int pages, Text... texts) throws IOException {
        try (PDDocument doc = new PDDocument();
                InputStream ttf =
                        Pdfs.class.getResourceAsStream(
                                "/fonts/notosanssc/NotoSansSC-Regular.ttf")) {
            PDFont font = PDType0Font.load(doc, ttf);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    for (Text t : texts) {
                        if (t.page() != p) continue;
                        cs.beginText();
                        cs.setFont(font, 10);
                        cs.newLineAtOffset(t.x(), PDRectangle.A4.getHeight() - t.y());
                        cs.showText(t.text());
                        cs.endText();
                    }
                }
            }
            return save(doc);
        }
    }

    /**
     * Pages with nothing but a drawn rectangle: what a scan without a text layer gives a text
     * reader.
     */
    public static byte[] withoutText(int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.addRect(50, 50, 400, 600);
                    cs.fill();
                }
            }
            return save(doc);
        }
    }

    /** {@code pages} pages of one short line each, in a Standard 14 font. */
    public static byte[] manyPages(int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A6);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 10);
                    cs.newLineAtOffset(20, 200);
                    cs.showText("Page " + (p + 1));
                    cs.endText();
                }
            }
            return save(doc);
        }
    }

    /** One page whose content stream inflates to {@code inflatedBytes} of spaces (a Flate bomb). */
    public static byte[] flateBomb(long inflatedBytes) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream raw = stream.createRawOutputStream();
                    DeflaterOutputStream z =
                            new DeflaterOutputStream(
                                    raw, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
                byte[] spaces = new byte[1 << 20];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (long n = 0; n < inflatedBytes; n += spaces.length) z.write(spaces);
            }
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            page.setContents(new PDStream(stream));
            return save(doc);
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
