package cn.duban.scale;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into one {@code COPY ... FROM STDIN} (text format): fields are escaped and UTF-8
 * encoded straight into a small buffer that is handed to the driver whenever it fills, so no row
 * set is ever held in memory.
 */
final class CopyWriter implements AutoCloseable {

    /** Timestamps are written in the district's zone (Asia/Shanghai has no DST). */
    static final int OFFSET_SECONDS = 8 * 3600;

    private static final byte[] HEX =
            "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final CopyIn copy;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private boolean rowStarted;
    private long rows;
    private long bytes;
    private boolean done;

    CopyWriter(CopyManager copyManager, String table, String columns) throws SQLException {
        this.copy = copyManager.copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    CopyWriter text(String s) throws SQLException {
        separator();
        if (s == null) return raw("\\N");
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (pos + 4 > buf.length) flush();
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> {
                        buf[pos++] = '\\';
                        buf[pos++] = '\\';
                    }
                    case '\t' -> {
                        buf[pos++] = '\\';
                        buf[pos++] = 't';
                    }
                    case '\n' -> {
                        buf[pos++] = '\\';
                        buf[pos++] = 'n';
                    }
                    case '\r' -> {
                        buf[pos++] = '\\';
                        buf[pos++] = 'r';
                    }
                    default -> buf[pos++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return this;
    }

    /** A PostgreSQL text[] literal with every element quoted. */
    CopyWriter textArray(List<String> values) throws SQLException {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return text(sb.append('}').toString());
    }

    CopyWriter uuid(UUID id) throws SQLException {
        separator();
        if (id == null) return raw("\\N");
        if (pos + 36 > buf.length) flush();
        hex(id.getMostSignificantBits() >>> 32, 8);
        buf[pos++] = '-';
        hex(id.getMostSignificantBits() >>> 16, 4);
        buf[pos++] = '-';
        hex(id.getMostSignificantBits(), 4);
        buf[pos++] = '-';
        hex(id.getLeastSignificantBits() >>> 48, 4);
        buf[pos++] = '-';
        hex(id.getLeastSignificantBits(), 12);
        return this;
    }

    CopyWriter number(long v) throws SQLException {
        separator();
        return raw(Long.toString(v));
    }

    CopyWriter bool(Boolean b) throws SQLException {
        separator();
        return raw(b == null ? "\\N" : b ? "t" : "f");
    }

    CopyWriter date(LocalDate d) throws SQLException {
        separator();
        if (d == null) return raw("\\N");
        if (pos + 10 > buf.length) flush();
        ymd(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        return this;
    }

    /** A timestamptz from epoch seconds, or null when negative. */
    CopyWriter time(long epochSecond) throws SQLException {
        separator();
        if (epochSecond < 0) return raw("\\N");
        if (pos + 22 > buf.length) flush();
        long local = epochSecond + OFFSET_SECONDS;
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(local, 86_400));
        int s = (int) Math.floorMod(local, 86_400);
        ymd(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        buf[pos++] = ' ';
        two(s / 3600);
        buf[pos++] = ':';
        two(s / 60 % 60);
        buf[pos++] = ':';
        two(s % 60);
        buf[pos++] = '+';
        two(OFFSET_SECONDS / 3600);
        return this;
    }

    CopyWriter nul() throws SQLException {
        separator();
        return raw("\\N");
    }

    void endRow() throws SQLException {
        if (pos + 1 > buf.length) flush();
        buf[pos++] = '\n';
        rowStarted = false;
        rows++;
    }

    /** Ends the COPY; the server has then checked every row (constraints, foreign keys). */
    long finish() throws SQLException {
        flush();
        done = true;
        return copy.endCopy();
    }

    long rows() {
        return rows;
    }

    long bytes() {
        return bytes + pos;
    }

    @Override
    public void close() throws SQLException {
        if (!done && copy.isActive()) copy.cancelCopy();
    }

    private void separator() throws SQLException {
        if (rowStarted) {
            if (pos + 1 > buf.length) flush();
            buf[pos++] = '\t';
        }
        rowStarted = true;
    }

    private CopyWriter raw(String ascii) throws SQLException {
        if (pos + ascii.length() > buf.length) flush();
        for (int i = 0; i < ascii.length(); i++) buf[pos++] = (byte) ascii.charAt(i);
        return this;
    }

    private void hex(long v, int digits) {
        for (int i = digits - 1; i >= 0; i--) buf[pos++] = HEX[(int) (v >>> (4 * i)) & 0xF];
    }

    private void ymd(int y, int m, int d) {
        buf[pos++] = (byte) ('0' + y / 1000);
        buf[pos++] = (byte) ('0' + y / 100 % 10);
        two(y % 100);
        buf[pos++] = '-';
        two(m);
        buf[pos++] = '-';
        two(d);
    }

    private void two(int v) {
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    private void flush() throws SQLException {
        if (pos == 0) return;
        copy.writeToCopy(buf, 0, pos);
        bytes += pos;
        pos = 0;
    }
}
