package cn.duban.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** PDF read-back checks shared by the report tests (PDFBox 3). */
final class PdfChecks {

    static final List<String> FONT_FILES =
            List.of(
                    "/fonts/notosanssc/NotoSansSC-Regular.ttf",
                    "/fonts/notosanssc/NotoSansSC-Bold.ttf");

    private PdfChecks() {}

    static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text of each page, in order. */
    static List<String> pageTexts(PDDocument doc) throws IOException {
        List<String> pages = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        for (int page = 1; page <= doc.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            pages.add(stripper.getText(doc));
        }
        return pages;
    }

    /** Whole document text without whitespace, so wrapped titles and table cells still match. */
    static String squashedText(PDDocument doc) throws IOException {
        return squash(new PDFTextStripper().getText(doc));
    }

    static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** Every font on every page is embedded, and it is our Noto Sans SC (not a substitute). */
    static void assertAllFontsEmbedded(PDDocument doc) throws IOException {
        int fonts = 0;
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                assertThat(font.getName()).as("font name").contains("NotoSansSC");
                fonts++;
            }
        }
        assertThat(fonts).as("fonts used").isPositive();
    }

    /**
     * Every character drawn maps to a real glyph (not .notdef, glyph 0) of an embedded CID font.
     * Characters the font lacks are dropped by OpenPDF before drawing, so those are caught by the
     * text assertions and {@link #charactersMissingFromFonts}, not here.
     */
    static void assertNoMissingGlyphs(PDDocument doc) throws IOException {
        List<String> missing = new ArrayList<>();
        PDFTextStripper stripper =
                new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        if (text.getFont() instanceof PDType0Font font) {
                            for (int code : text.getCharacterCodes()) {
                                try {
                                    if (font.codeToGID(code) == 0) {
                                        missing.add(text.getUnicode());
                                    }
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }
                        } else {
                            missing.add(
                                    text.getUnicode()
                                            + " in non-CID font "
                                            + text.getFont().getName());
                        }
                        super.processTextPosition(text);
                    }
                };
        stripper.getText(doc);
        assertThat(missing).as("characters drawn without a glyph").isEmpty();
    }

    /** Code points of {@code texts} that either bundled TTF lacks (cmap maps them to glyph 0). */
    static Set<String> charactersMissingFromFonts(Collection<String> texts) throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String file : FONT_FILES) {
            try (InputStream in = PdfChecks.class.getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
                    CmapLookup cmap = ttf.getUnicodeCmapLookup();
                    for (String text : texts) {
                        text.codePoints()
                                .filter(
                                        cp ->
                                                !Character.isWhitespace(cp)
                                                        && cmap.getGlyphId(cp) == 0)
                                .forEach(
                                        cp ->
                                                missing.add(
                                                        Character.toString(cp)
                                                                + " U+"
                                                                + Integer.toHexString(cp)
                                                                + " in "
                                                                + file));
                    }
                }
            }
        }
        return missing;
    }

    /** All text a report input can print: strings, numbers and dates of a record tree. */
    static List<String> inputStrings(Object value) {
        List<String> out = new ArrayList<>();
        collect(value, out);
        return out;
    }

    private static void collect(Object value, List<String> out) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            items.forEach(item -> collect(item, out));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    collect(component.getAccessor().invoke(value), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            out.add(value.toString());
        }
    }
}
