package cn.duban.plan.accuracy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * The corpus's Word and Excel documents, built here (gold files name them {@code generated:<name>})
 * so that the repository holds their content as readable source rather than as binaries. Both have
 * merged cells the way offices make them: a part heading merged across the row, a category merged
 * down its rows.
 */
final class CorpusBinaries {

    private CorpusBinaries() {}

    static byte[] build(String name) {
        return switch (name) {
            case "town-docx-merged-2025.docx" -> townDocx();
            case "district-xlsx-merged-2025.xlsx" -> districtXlsx();
            case "county-docx-group-column-2025.docx" -> countyGroupColumnDocx();
            case "shijingshan-district-2019.pdf" ->
                    pdfOfLines("/corpus/unseen/shijingshan-district-2019.txt");
            default -> throw new IllegalArgumentException("no generated document " + name);
        };
    }

    /** A town's task table in Word: 一、/二、 rows merged across, the 类别 cell merged down its group. */
    private static byte[] townDocx() {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("2025年石桥镇重点工作任务分解表");
            List<String[]> rows =
                    List.of(
                            new String[] {"类别", "序号", "重点工作", "责任单位", "完成时限"},
                            new String[] {"一、经济发展"},
                            new String[] {
                                "招商引资", "1", "全年引进亿元以上项目3个。", "经发办牵头，招商中心配合", "2025年12月底"
                            },
                            new String[] {"", "2", "新增规上企业5家。", "经发办", "10月底前"},
                            new String[] {"二、民生保障"},
                            new String[] {"社会事业", "3", "完成镇卫生院改扩建工程。", "社会事务办、镇卫生院按职责分工负责", "第三季度"},
                            new String[] {"", "4", "新建村级养老服务站4个。", "社会事务办（民政办）", "11月"});
            XWPFTable table = doc.createTable(rows.size(), 5);
            for (int r = 0; r < rows.size(); r++) {
                String[] cells = rows.get(r);
                XWPFTableRow row = table.getRow(r);
                if (cells.length == 1) {
                    // A part heading: one cell spanning the five columns.
                    while (row.getTableCells().size() > 1) row.removeCell(1);
                    XWPFTableCell cell = row.getCell(0);
                    cell.setText(cells[0]);
                    CTTcPr pr =
                            cell.getCTTc().isSetTcPr()
                                    ? cell.getCTTc().getTcPr()
                                    : cell.getCTTc().addNewTcPr();
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(5));
                    continue;
                }
                for (int c = 0; c < 5; c++) {
                    XWPFTableCell cell = row.getCell(c);
                    if (!cells[c].isEmpty()) cell.setText(cells[c]);
                    if (c == 0 && r > 0) {
                        CTTcPr pr =
                                cell.getCTTc().isSetTcPr()
                                        ? cell.getCTTc().getTcPr()
                                        : cell.getCTTc().addNewTcPr();
                        pr.addNewVMerge()
                                .setVal(cells[0].isEmpty() ? STMerge.CONTINUE : STMerge.RESTART);
                    }
                }
            }
            doc.createParagraph().createRun().setText("石桥镇人民政府办公室  2025年2月18日");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A county's task table in Word as the issue describes it: the 序号 and 工作任务 cells merged down
     * their group (vMerge), beside a 具体要求 column whose items are numbered 1. 2. 3. through the
     * table; a 责任领导 column of people; 持续推进 as a deadline.
     */
    private static byte[] countyGroupColumnDocx() {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("2025年清河县优化营商环境重点工作任务分解表");
            List<String[]> rows =
                    List.of(
                            new String[] {"序号", "工作任务", "具体要求", "责任单位", "责任领导", "完成时限"},
                            new String[] {
                                "1",
                                "提升政务服务效能",
                                "1.推行“高效办成一件事”，全年新增集成办事场景10个。",
                                "县数据局牵头，县直各部门配合",
                                "李强",
                                "持续推进"
                            },
                            new String[] {"", "", "2.实现企业开办1个工作日内办结。", "县市场监管局", "李强", "2025年6月底前"},
                            new String[] {
                                "2", "优化法治环境", "3.开展涉企行政执法专项检查。", "县司法局、县市场监管局按职责分工负责", "王芳", "第三季度"
                            },
                            new String[] {"", "", "4.建立涉企纠纷多元化解机制。", "县法院（县司法局）", "王芳", "全年"});
            XWPFTable table = doc.createTable(rows.size(), 6);
            for (int r = 0; r < rows.size(); r++) {
                String[] cells = rows.get(r);
                XWPFTableRow row = table.getRow(r);
                for (int c = 0; c < 6; c++) {
                    XWPFTableCell cell = row.getCell(c);
                    if (!cells[c].isEmpty()) cell.setText(cells[c]);
                    if (c < 2 && r > 0) {
                        CTTcPr pr =
                                cell.getCTTc().isSetTcPr()
                                        ? cell.getCTTc().getTcPr()
                                        : cell.getCTTc().addNewTcPr();
                        pr.addNewVMerge()
                                .setVal(cells[c].isEmpty() ? STMerge.CONTINUE : STMerge.RESTART);
                    }
                }
            }
            doc.createParagraph().createRun().setText("清河县人民政府办公室  2025年3月5日");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A district's task list in Excel: a title merged across, 任务类别 merged down its rows. */
    private static byte[] districtXlsx() {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("任务清单");
            List<String[]> rows =
                    List.of(
                            new String[] {"2025年西湖区政务公开重点任务清单", "", "", "", "", ""},
                            new String[] {"序号", "任务类别", "工作任务", "牵头单位", "配合单位", "完成时限"},
                            new String[] {"1", "政策解读", "落实政策解读与政策文件同步发布。", "区府办", "各部门", "全年"},
                            new String[] {"2", "", "开展“政策公开讲”活动不少于4场。", "区府办", "区融媒体中心、各街道", "每季度"},
                            new String[] {
                                "3", "平台建设", "完成政府网站集约化改版。", "区融媒体中心", "区数据局", "2025年9月30日前"
                            },
                            new String[] {"4", "", "规范政务新媒体管理。", "区委网信办", "各部门、各街道", "持续推进"});
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                String[] cells = rows.get(r);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c].isEmpty()) continue;
                    if (r > 1 && c == 0) row.createCell(c).setCellValue(Integer.parseInt(cells[c]));
                    else row.createCell(c).setCellValue(cells[c]);
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            sheet.addMergedRegion(new CellRangeAddress(2, 3, 1, 1));
            sheet.addMergedRegion(new CellRangeAddress(4, 5, 1, 1));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PDF of a real page's text, rendered line by line in Noto Sans SC (as the page was a copy of
     * a PDF, its lines are the PDF's lines), so that the harness reads it through PDFBox as an
     * upload is read.
     */
    private static byte[] pdfOfLines(String resource) {
        try (java.io.InputStream in = CorpusBinaries.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("no " + resource);
            String[] lines =
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                            .split("\n", -1);
            List<cn.duban.platform.office.Pdfs.Text> texts = new java.util.ArrayList<>();
            int perPage = 50;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) continue;
                texts.add(
                        new cn.duban.platform.office.Pdfs.Text(
                                i / perPage, 50, 50 + 14 * (i % perPage), lines[i].strip()));
            }
            return cn.duban.platform.office.Pdfs.chinese(
                    (lines.length + perPage - 1) / perPage,
                    texts.toArray(cn.duban.platform.office.Pdfs.Text[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
