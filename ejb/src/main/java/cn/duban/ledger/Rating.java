package cn.duban.ledger;

/** The quality rating (质量评价) the district gives a completed task on approval. */
public enum Rating {
    EXCELLENT("优"),
    GOOD("良"),
    FAIR("中"),
    POOR("差");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
