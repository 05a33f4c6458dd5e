package cn.duban.printing;

/** Output formats of {@link DocumentRenderer}, with what an HTTP layer needs to serve them. */
public enum Format {
    PDF("application/pdf", "pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    private final String contentType;
    private final String extension;

    Format(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    /** File name extension without the dot. */
    public String extension() {
        return extension;
    }
}
