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

    /**
     * One page whose content stream is LZW data decoding to at least {@code decodedBytes} spaces:
     * an LZW bomb (about 1,300 times its size). Written here, code by code, because PDFBox's
     * encoder takes minutes for a few hundred MB: for a run of one byte each new code stands for
     * one byte more than the last (code k for k - 256 spaces), the table is cleared before it is
     * full.
     */
    public static byte[] lzwBomb(long decodedBytes) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream raw = stream.createRawOutputStream()) {
                raw.write(lzwSpaces(decodedBytes));
            }
            stream.setItem(COSName.FILTER, COSName.LZW_DECODE);
            page.setContents(new PDStream(stream));
            return save(doc);
        }
    }

    /** LZW codes (EarlyChange 1, as PDF uses by default) for at least {@code n} spaces. */
    static byte[] lzwSpaces(long n) {
        Bits bits = new Bits();
        long written = 0;
        int next = 9; // the width the decoder reads the next code at
        while (written < n) {
            bits.write(256, next); // clear table
            bits.write(' ', 9);
            written++;
            next = 9;
            for (int k = 258; k <= 4000 && written < n; k++) {
                bits.write(k, width(k));
                written += k - 256;
                next = width(k + 1);
            }
        }
        bits.write(257, next); // end of data
        return bits.bytes();
    }

    /** The code width the decoder reads at with {@code size} entries, EarlyChange 1. */
    private static int width(int size) {
        int i = size + 1;
        return i >= 2048 ? 12 : i >= 1024 ? 11 : i >= 512 ? 10 : 9;
    }

    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long buffer;
        private int count;

        void write(int code, int width) {
            buffer = (buffer << width) | code;
            count += width;
            while (count >= 8) {
                out.write((int) (buffer >>> (count - 8)) & 0xFF);
                count -= 8;
            }
        }

        byte[] bytes() {
            if (count > 0) out.write((int) (buffer << (8 - count)) & 0xFF);
            count = 0;
            return out.toByteArray();
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
