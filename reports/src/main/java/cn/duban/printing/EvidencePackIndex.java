package cn.duban.printing;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The index (目录) at the root of an evidence pack (佐证材料包): every task of the pack with its unit,
 * status and completion, and under it every evidence file with its size, SHA-256 and path in the
 * ZIP. Landscape PDF.
 *
 * @param title e.g. 2026年度佐证材料目录
 * @param scope what the pack covers, e.g. 全区 or 单位：长寿路街道；计划：…
 * @param generatedAt when the pack was made, as shown (Beijing time)
 */
public record EvidencePackIndex(String title, String scope, String generatedAt, List<Task> tasks) {

    public EvidencePackIndex {
        requireNonNull(title, "title");
        requireNonNull(scope, "scope");
        requireNonNull(generatedAt, "generatedAt");
        tasks = List.copyOf(tasks);
    }

    /**
     * @param title point number and title, as the task's folder names it
     * @param status e.g. 已办结（按时）
     * @param completion e.g. 100%
     * @param folder the task's folder in the ZIP
     */
    public record Task(
            String title,
            String unitName,
            String status,
            String completion,
            String folder,
            List<File> files) {
        public Task {
            requireNonNull(title, "title");
            requireNonNull(unitName, "unitName");
            requireNonNull(status, "status");
            requireNonNull(completion, "completion");
            requireNonNull(folder, "folder");
            files = List.copyOf(files);
        }
    }

    /**
     * @param name the file's name as uploaded (cleaned)
     * @param path where it is in the ZIP
     */
    public record File(String name, long size, String sha256, String path) {
        public File {
            requireNonNull(name, "name");
            requireNonNull(sha256, "sha256");
            requireNonNull(path, "path");
        }
    }

    public int fileCount() {
        return tasks.stream().mapToInt(t -> t.files().size()).sum();
    }

    public long totalBytes() {
        return tasks.stream().flatMap(t -> t.files().stream()).mapToLong(File::size).sum();
    }

    /** A file size as people read it: 812 B, 3.40 KB, 1.20 MB, 2.05 GB. */
    public static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, v < 10 ? "%.2f %s" : "%.1f %s", v, units[u]);
    }
}
