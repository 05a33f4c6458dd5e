package cn.duban.ledger.sheet;

import cn.duban.platform.RowError;
import cn.duban.platform.office.OfficeFile;
import cn.duban.platform.office.SheetStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The task ledger as an Excel workbook in the customary layout (序号, 工作要点, 具体任务, 牵头单位, 配合单位, 完成时限,
 * 进展情况, 状态), plus three columns that let a filled ledger come back: 责任单位, 完成进度(%) and 任务编号. Reading
 * finds the header by name, so columns may be moved or title rows added; every bad row is reported,
 * not just the first.
 */
public final class LedgerSheet {

    public static final int MAX_ROWS = 20_000;
    public static final String ID = "任务编号";
    public static final String PROGRESS = "进展情况";
    public static final String PERCENT = "完成进度(%)";
    public static final List<String> HEADERS =
            List.of(
                    "序号", "工作要点", "具体任务", "牵头单位", "配合单位", "完成时限", PROGRESS, "状态", "责任单位", PERCENT,
                    ID);
    private static final int[] WIDTHS = {6, 24, 50, 16, 22, 14, 50, 10, 14, 10, 38};
    private static final int MAX_TEXT = 10_000;

    /** Progress text kept from one import, in characters (a reader's memory stays bounded). */
    static final long MAX_RETAINED = 16_000_000;

    /** A row of a filled ledger: 1-based Excel row number as the user sees it. */
    public record Filled(int rowNumber, UUID taskId, String progress, Integer percent) {}

    public record Read(List<Filled> rows, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** A problem with the whole file (not a workbook, no header …). */
    public static final class Unreadable extends RuntimeException {
        private final int status;
        private final String code;

        public Unreadable(String code, String message) {
            this(400, code, message);
        }

        public Unreadable(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        /** 400, or 413 for a file over a limit. */
        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private LedgerSheet() {}

    public static byte[] write(String title, String subtitle, List<LedgerRow> rows) {
        // Streaming: a 20,000-row ledger stays small in memory. Shared strings, not inline ones,
        // so the file edits cleanly in every spreadsheet program (and in POI).
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, false, true);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // POI's default Zip64 "Always" writes 64-bit data descriptors that streaming zip
            // readers
            // (java.util.zip.ZipInputStream, some mail gateways) reject.
            wb.setZip64Mode(Zip64Mode.AsNeeded);
            Sheet sheet = wb.createSheet("任务台账");
            CellStyle titleStyle = style(wb, 16, true, false, false);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            CellStyle subStyle = style(wb, 10, false, false, false);
            subStyle.setAlignment(HorizontalAlignment.RIGHT);
            CellStyle head = style(wb, 11, true, true, false);
            head.setAlignment(HorizontalAlignment.CENTER);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle body = style(wb, 10, false, true, true);
            CellStyle idStyle = style(wb, 8, false, true, false);
            Font grey = wb.createFont();
            grey.setFontHeightInPoints((short) 8);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            idStyle.setFont(grey);

            int last = HEADERS.size() - 1;
            text(sheet.createRow(0), 0, title, titleStyle).getRow().setHeightInPoints(28);
            text(sheet.createRow(1), 0, subtitle, subStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
            Row header = sheet.createRow(2);
            for (int c = 0; c < HEADERS.size(); c++) {
                text(header, c, HEADERS.get(c), head);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            int r = 3;
            for (LedgerRow row : rows) {
                Row x = sheet.createRow(r++);
                String[] values = {
                    row.number(),
                    row.section(),
                    row.task(),
                    row.leadUnits(),
                    row.cooperatingUnits(),
                    row.deadline(),
                    row.progress(),
                    row.status(),
                    row.unitName()
                };
                for (int c = 0; c < values.length; c++) text(x, c, values[c], body);
                Cell percent = x.createCell(9);
                percent.setCellStyle(body);
                if (row.percent() != null) percent.setCellValue(row.percent());
                text(x, 10, row.taskId() == null ? "" : row.taskId().toString(), idStyle);
            }
            sheet.createFreezePane(0, 3);
            sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, r - 1), 0, last));
            sheet.setRepeatingRows(new CellRangeAddress(2, 2, 0, last));
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the ledger workbook", e);
        }
    }

    /**
     * Reads a filled ledger from its first sheet, streaming and within {@link
     * OfficeFile.Limits#XLSX}: at most {@value #MAX_ROWS} non-blank rows below the header and
     * {@value #MAX_RETAINED} characters of progress text in all.
     */
    public static Read read(byte[] xlsx) {
        if (xlsx == null || xlsx.length < 4 || xlsx[0] != 'P' || xlsx[1] != 'K') {
            boolean ole2 =
                    xlsx != null
                            && xlsx.length >= 4
                            && (xlsx[0] & 0xFF) == 0xD0
                            && (xlsx[1] & 0xFF) == 0xCF;
            throw new Unreadable(
                    "ledger.import.format",
                    ole2
                            ? "这是旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 后再导入。"
                            : "文件不是有效的 Excel（.xlsx）文件。");
        }
        try (OfficeFile file = OfficeFile.open(xlsx, OfficeFile.Limits.XLSX)) {
            Collector rows = new Collector();
            SheetStream.read(file, true, new SheetStream.Formatter(), rows);
            return rows.finish();
        } catch (OfficeFile.Refused e) {
            throw switch (e.kind()) {
                case TOO_LARGE -> new Unreadable(413, "ledger.import.too-large", e.getMessage());
                case MALFORMED -> new Unreadable("ledger.import.format", e.getMessage());
                case CORRUPT ->
                        new Unreadable("ledger.import.format", "文件不是有效的 Excel（.xlsx）文件，或已损坏。");
            };
        }
    }

    /**
     * Finds the header in the first rows, then keeps only the columns the import needs, row by row.
     */
    private static final class Collector implements SheetStream.Cells {
        private int firstRow = -1;
        private Map<String, Integer> columns;
        private Map<String, Integer> found;
        private int idCol = -1, progressCol = -1, percentCol = -1;
        private int dataRows;
        private long retained;
        // the row being read
        private boolean blank;
        private String idText, progress, percentText;
        private Double percentNumber;
        private String percentFormat;
        private boolean percentCell;
        private final List<Filled> rows = new ArrayList<>();
        private final List<RowError> errors = new ArrayList<>();
        private final Map<UUID, Integer> seen = new HashMap<>();

        @Override
        public void startRow(int row) {
            if (firstRow < 0) firstRow = row;
            if (columns == null && row > firstRow + 10) throw noHeader();
            blank = true;
            idText = progress = percentText = percentFormat = null;
            percentNumber = null;
            percentCell = false;
            found = columns == null ? new HashMap<>() : null;
        }

        @Override
        public void cell(int row, int col, String text, Double number, String format) {
            String v = text.strip();
            if (!v.isEmpty()) blank = false;
            if (columns == null) {
                String name = headerName(text);
                if (name.equals(ID) || name.equals(PROGRESS) || name.equals(PERCENT))
                    found.putIfAbsent(name, col);
                return;
            }
            if (col == idCol) idText = v;
            if (col == progressCol) progress = v;
            if (col == percentCol) {
                percentCell = true;
                percentText = v;
                percentNumber = number;
                percentFormat = format;
            }
        }

        @Override
        public void endRow(int row, int width) {
            if (columns == null) {
                if (found.containsKey(ID) && found.containsKey(PROGRESS)) {
                    columns = found;
                    idCol = columns.get(ID);
                    progressCol = columns.get(PROGRESS);
                    percentCol = columns.getOrDefault(PERCENT, -1);
                }
                return;
            }
            if (blank) return;
            if (++dataRows > MAX_ROWS) {
                throw new Unreadable(
                        413, "ledger.import.too-many-rows", "一次最多导入 " + MAX_ROWS + " 行。");
            }
            int shown = row + 1;
            String id = idText == null ? "" : idText;
            String text = progress == null ? "" : progress;
            UUID uuid = null;
            if (id.isEmpty()) {
                errors.add(RowError.of(shown, ID, "ledger.sheet.id-missing", "缺少任务编号"));
            } else {
                try {
                    uuid = UUID.fromString(id);
                } catch (IllegalArgumentException e) {
                    errors.add(
                            RowError.of(
                                    shown,
                                    ID,
                                    "ledger.sheet.id-invalid",
                                    "任务编号无效：" + shorten(id),
                                    shorten(id)));
                }
            }
            if (uuid != null && seen.containsKey(uuid)) {
                errors.add(
                        RowError.of(
                                shown,
                                ID,
                                "ledger.sheet.id-repeated",
                                "任务编号重复，与第" + seen.get(uuid) + "行相同",
                                seen.get(uuid)));
                uuid = null;
            }
            if (text.length() > MAX_TEXT)
                errors.add(
                        RowError.of(
                                shown,
                                PROGRESS,
                                "ledger.sheet.progress-too-long",
                                "进展情况过长（最多" + MAX_TEXT + "字）",
                                MAX_TEXT));
            Integer percent = null;
            if (percentCol >= 0) {
                try {
                    percent =
                            percentCell ? percent(percentText, percentNumber, percentFormat) : null;
                } catch (NumberFormatException e) {
                    errors.add(
                            RowError.of(
                                    shown,
                                    PERCENT,
                                    "ledger.sheet.percent-invalid",
                                    "完成进度应为0到100之间的整数：" + shorten(percentText),
                                    shorten(percentText)));
                }
            }
            if (uuid != null) {
                if ((retained += text.length()) > MAX_RETAINED) {
                    throw new Unreadable(
                            413,
                            "ledger.import.too-large",
                            "台账的进展情况合计超过 " + MAX_RETAINED / 10_000 + " 万字，请分批导入。");
                }
                seen.put(uuid, shown);
                rows.add(new Filled(shown, uuid, text.isEmpty() ? null : text, percent));
            }
        }

        Read finish() {
            if (columns == null) throw noHeader();
            return new Read(rows, errors);
        }

        private static Unreadable noHeader() {
            return new Unreadable(
                    "ledger.import.columns", "未找到表头：台账须包含“任务编号”和“进展情况”两列（请使用系统导出的台账填写）。");
        }
    }

    /**
     * A number cell holds its value (a percentage format shows 0.8 as 80%); anything else is read
     * from its text.
     */
    private static Integer percent(String text, Double number, String format) {
        double v;
        if (number != null) {
            v = number;
            if (format != null && format.contains("%")) v *= 100;
        } else {
            String s = normalizeDigits(text).replace("%", "").strip();
            if (s.isEmpty()) return null;
            v = Double.parseDouble(s);
        }
        if (v < 0 || v > 100 || Math.abs(v - Math.rint(v)) > 1e-9)
            throw new NumberFormatException();
        return (int) Math.rint(v);
    }

    private static String shorten(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }

    private static String normalizeDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            if (ch >= '０' && ch <= '９') b.append((char) (ch - '０' + '0'));
            else if (ch == '％') b.append('%');
            else if (ch == '．') b.append('.');
            else b.append(ch);
        }
        return b.toString();
    }

    private static String headerName(String raw) {
        String s = raw.replaceAll("\\s", "").replace('（', '(').replace('）', ')').replace('％', '%');
        return s.equals("完成进度") || s.equals("完成进度%") ? PERCENT : s;
    }

    private static Cell text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value == null ? "" : value);
        c.setCellStyle(style);
        return c;
    }

    private static CellStyle style(
            Workbook wb, int points, boolean bold, boolean border, boolean wrap) {
        CellStyle s = wb.createCellStyle();
        Font f = wb.createFont();
        f.setFontName("宋体");
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        s.setFont(f);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        s.setWrapText(wrap);
        if (border) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
        return s;
    }
}
