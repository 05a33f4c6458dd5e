package cn.duban.plan.web;

import cn.duban.plan.DocumentReader;
import cn.duban.plan.Plan;
import cn.duban.plan.PlanDocument;
import cn.duban.plan.PlanImport;
import cn.duban.plan.parse.ColumnMeaning;
import cn.duban.plan.parse.DeadlineKind;
import cn.duban.plan.parse.PlanLevel;
import cn.duban.plan.parse.TableColumns;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import cn.duban.web.Messages;
import cn.duban.web.Uploads;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * Import page: upload or paste a document, check and edit the parsed tree (points, units,
 * deadlines), map unresolved unit names, save. Nothing is written before "save".
 */
@Named
@ViewScoped
public class PlanImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject PlanImport imports;

    @Inject UnitService units;

    private String pasted;
    private String sourceText;
    private String sourceName;
    private Integer year;
    private PlanLevel level;

    private PlanDocument preview;
    private String title;
    private String issuer;
    private String docNumber;
    private LocalDate issuedOn;
    private UUID ownerUnitId;
    private TreeNode<Row> tree;

    /** Unresolved name → the unit the user picked (or none yet). */
    private final Map<String, String> mapping = new LinkedHashMap<>();

    /** Names the parser resolved, with their unit: edits keep them. */
    private final Map<String, UUID> resolved = new HashMap<>();

    private final Map<String, Boolean> collectives = new HashMap<>();

    /** The meanings the user chose for a table's columns, by header key (all its columns). */
    private final Map<String, List<String>> chosen = new LinkedHashMap<>();

    /** Read the tables by their header words, not as remembered for their headers. */
    private boolean automatic;

    /** How each table header was read: a select per column. */
    private List<TableForm> tables = List.of();

    /** One table header of the preview, its columns editable. */
    public static final class TableForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final String source;
        private final List<ColumnForm> columns;

        TableForm(PlanDocument.Columns c) {
            key = c.key();
            source = c.source();
            List<ColumnForm> cols = new ArrayList<>();
            for (int i = 0; i < c.header().size(); i++)
                cols.add(new ColumnForm(i, c.header().get(i), c.meanings().get(i)));
            columns = cols;
        }

        public String getKey() {
            return key;
        }

        public String getSource() {
            return source;
        }

        public List<ColumnForm> getColumns() {
            return columns;
        }

        List<String> meanings() {
            return columns.stream().map(ColumnForm::getMeaning).toList();
        }
    }

    /** A header cell and the meaning its column has (a ColumnMeaning name). */
    public static final class ColumnForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int index;
        private final String header;
        private String meaning;

        ColumnForm(int index, String header, String meaning) {
            this.index = index;
            this.header = header;
            this.meaning = meaning;
        }

        public int getIndex() {
            return index;
        }

        /** The header cell as written (number shown instead when it is blank). */
        public String getHeader() {
            return header;
        }

        public String getMeaning() {
            return meaning;
        }

        public void setMeaning(String meaning) {
            this.meaning = meaning;
        }
    }

    /** One editable row of the tree: a section or a point. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final boolean section;
        private String number;
        private String title;
        private String text;
        private String leads;
        private String cooperating;
        private String leaders;
        private String deadlineText;
        private LocalDate deadlineDate;
        private String deadlineKind;
        private String frequency;
        private List<PlanDocument.Milestone> milestones = List.of();

        Row(boolean section) {
            this.section = section;
        }

        public boolean isSection() {
            return section;
        }

        public String getNumber() {
            return number;
        }

        public void setNumber(String number) {
            this.number = number;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getLeads() {
            return leads;
        }

        public void setLeads(String leads) {
            this.leads = leads;
        }

        /** The people of a 责任领导 column, joined by 、 (never units). */
        public String getLeaders() {
            return leaders;
        }

        public void setLeaders(String leaders) {
            this.leaders = leaders;
        }

        public String getCooperating() {
            return cooperating;
        }

        public void setCooperating(String cooperating) {
            this.cooperating = cooperating;
        }

        public String getDeadlineText() {
            return deadlineText;
        }

        public void setDeadlineText(String deadlineText) {
            this.deadlineText = deadlineText;
        }

        public LocalDate getDeadlineDate() {
            return deadlineDate;
        }

        public void setDeadlineDate(LocalDate deadlineDate) {
            this.deadlineDate = deadlineDate;
        }

        public String getDeadlineKind() {
            return deadlineKind;
        }

        public void setDeadlineKind(String deadlineKind) {
            this.deadlineKind = deadlineKind;
        }

        public List<PlanDocument.Milestone> getMilestones() {
            return milestones;
        }
    }

    public void upload(FileUploadEvent event) {
        byte[] content =
                Uploads.content(
                        event.getFile(),
                        DocumentReader.MAX_BYTES,
                        "txt",
                        "md",
                        "docx",
                        "xlsx",
                        "pdf",
                        "doc",
                        "wps");
        sourceName = event.getFile().getFileName();
        sourceText = imports.extractText(sourceName, content);
        chosen.clear();
        automatic = false;
        parse();
    }

    public void parsePasted() {
        if (pasted == null || pasted.isBlank()) {
            Messages.error(
                    DubanException.badRequest(
                            "plan.import.empty", Messages.text("plan.import.pasteEmpty")));
            return;
        }
        sourceName = null;
        sourceText = pasted;
        chosen.clear();
        automatic = false;
        parse();
    }

    /** Parses again with the year and level the user set (deadlines depend on the year). */
    public void reparse() {
        if (sourceText != null) parse();
    }

    /**
     * The user changed a column's meaning in the table with header {@code key}: parse again reading
     * it so (nothing saved; the save remembers it). An impossible reading (no title column, two
     * number columns) keeps the previous one and says why.
     */
    public void choose(String key) {
        if (sourceText == null) return;
        TableForm table = tables.stream().filter(t -> t.key.equals(key)).findFirst().orElse(null);
        if (table == null) return;
        List<String> before = chosen.get(key);
        chosen.put(key, table.meanings());
        try {
            show(preview());
        } catch (DubanException e) {
            if (before == null) chosen.remove(key);
            else chosen.put(key, before);
            Messages.error(e);
            parse();
        }
    }

    /** Back to reading every table by its header words (forgets the remembered reading on save). */
    public void useAutomaticReading() {
        if (sourceText == null) return;
        chosen.clear();
        automatic = true;
        parse();
    }

    private PlanDocument preview() {
        Map<String, List<TableColumns.Choice>> choices = new LinkedHashMap<>();
        chosen.forEach(
                (key, meanings) -> {
                    List<TableColumns.Choice> list = new ArrayList<>();
                    for (int i = 0; i < meanings.size(); i++)
                        list.add(new TableColumns.Choice(i, meanings.get(i)));
                    choices.put(key, list);
                });
        return imports.preview(sourceText, sourceName, year, level, choices, automatic);
    }

    private void parse() {
        try {
            show(preview());
        } catch (DubanException e) {
            preview = null;
            tables = List.of();
            Messages.error(e);
        }
    }

    private void show(PlanDocument parsed) {
        preview = parsed;
        tables = preview.tables().stream().map(TableForm::new).toList();
        title = preview.title();
        issuer = preview.issuer();
        docNumber = preview.docNumber();
        issuedOn = preview.issuedOn();
        ownerUnitId = preview.ownerUnitId();
        year = preview.year();
        level = preview.level();
        mapping.clear();
        resolved.clear();
        collectives.clear();
        for (String name : preview.unresolved()) mapping.put(name, null);
        tree = new DefaultTreeNode<>(new Row(true), null);
        for (PlanDocument.Section s : preview.sections()) {
            Row row = new Row(true);
            row.number = s.number();
            row.title = s.title();
            TreeNode<Row> node = new DefaultTreeNode<>(row, tree);
            node.setExpanded(true);
            addPoints(s.points(), node);
        }
    }

    private void addPoints(List<PlanDocument.Point> points, TreeNode<Row> parent) {
        for (PlanDocument.Point p : points) {
            Row row = new Row(false);
            row.number = p.number();
            row.title = p.title();
            row.text = p.text();
            List<String> leads = new ArrayList<>();
            List<String> coop = new ArrayList<>();
            for (PlanDocument.UnitRef u : p.units()) {
                ("LEAD".equals(u.role()) ? leads : coop).add(u.name());
                collectives.put(u.name(), u.collective());
                if (u.unitId() != null) resolved.put(u.name(), u.unitId());
            }
            row.leads = String.join("、", leads);
            row.cooperating = String.join("、", coop);
            row.leaders = String.join("、", p.leaders());
            row.deadlineText = p.deadline().text();
            row.deadlineDate = p.deadline().date();
            row.deadlineKind = p.deadline().kind();
            row.frequency = p.deadline().frequency();
            row.milestones = p.milestones();
            TreeNode<Row> node = new DefaultTreeNode<>(row, parent);
            node.setExpanded(true);
            addPoints(p.children(), node);
        }
    }

    public String save() {
        Plan plan = imports.save(sourceText, sourceName, edited());
        Messages.flash("plan.saved", plan.getTitle());
        return "/app/admin/plan.xhtml?faces-redirect=true&id=" + plan.getId();
    }

    /** The document as the user edited it. */
    PlanDocument edited() {
        List<PlanDocument.Section> sections = new ArrayList<>();
        for (TreeNode<Row> s : tree.getChildren()) {
            sections.add(
                    new PlanDocument.Section(
                            null, s.getData().number, s.getData().title, points(s.getChildren())));
        }
        return new PlanDocument(
                null,
                title,
                issuer,
                level,
                year == null ? 0 : year,
                docNumber,
                issuedOn,
                ownerUnitId,
                sourceName,
                null,
                sections,
                List.of(),
                List.of(),
                null,
                null,
                null,
                tables.stream()
                        .map(
                                t ->
                                        new PlanDocument.Columns(
                                                t.key,
                                                t.columns.stream().map(c -> c.header).toList(),
                                                t.meanings(),
                                                t.source))
                        .toList());
    }

    private List<PlanDocument.Point> points(List<TreeNode<Row>> nodes) {
        List<PlanDocument.Point> out = new ArrayList<>();
        for (TreeNode<Row> n : nodes) {
            Row r = n.getData();
            List<PlanDocument.UnitRef> refs = new ArrayList<>();
            for (String name : split(r.leads)) refs.add(ref(name, "LEAD"));
            for (String name : split(r.cooperating)) refs.add(ref(name, "COOPERATING"));
            out.add(
                    new PlanDocument.Point(
                            null,
                            r.number,
                            r.title,
                            r.text,
                            refs,
                            new PlanDocument.Deadline(
                                    r.deadlineText, r.deadlineDate, r.deadlineKind, r.frequency),
                            r.milestones,
                            points(n.getChildren()),
                            split(r.leaders)));
        }
        return out;
    }

    private PlanDocument.UnitRef ref(String name, String role) {
        boolean collective =
                collectives.getOrDefault(name, name.startsWith("各") || name.startsWith("相关"));
        String picked = mapping.get(name);
        UUID id =
                collective
                        ? null
                        : picked != null && !picked.isBlank()
                                ? UUID.fromString(picked)
                                : resolved.get(name);
        return new PlanDocument.UnitRef(name, collective, id, role);
    }

    private static List<String> split(String names) {
        if (names == null || names.isBlank()) return List.of();
        return Arrays.stream(names.split("[、，,；;\\s]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public List<Unit> getUnits() {
        return units.list();
    }

    public List<Map.Entry<String, String>> getMappings() {
        return new ArrayList<>(mapping.entrySet());
    }

    /** Unresolved name → id of the unit the user picked, as the select menu sends it. */
    public Map<String, String> getMapping() {
        return mapping;
    }

    public List<TableForm> getTables() {
        return tables;
    }

    /** Whether a table was read as remembered for its header. */
    public boolean isRemembered() {
        return tables.stream().anyMatch(t -> "REMEMBERED".equals(t.source));
    }

    /** The meanings as names: the selects' values are strings. */
    public List<String> getMeanings() {
        return Arrays.stream(ColumnMeaning.values()).map(Enum::name).toList();
    }

    public PlanLevel[] getLevels() {
        return PlanLevel.values();
    }

    public DeadlineKind[] getDeadlineKinds() {
        return DeadlineKind.values();
    }

    public PlanDocument getPreview() {
        return preview;
    }

    public TreeNode<Row> getTree() {
        return tree;
    }

    public int getPointCount() {
        return preview == null ? 0 : preview.allPoints().size();
    }

    public String getPasted() {
        return pasted;
    }

    public void setPasted(String pasted) {
        this.pasted = pasted;
    }

    public String getSourceName() {
        return sourceName;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public PlanLevel getLevel() {
        return level;
    }

    public void setLevel(PlanLevel level) {
        this.level = level;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getDocNumber() {
        return docNumber;
    }

    public void setDocNumber(String docNumber) {
        this.docNumber = docNumber;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public void setIssuedOn(LocalDate issuedOn) {
        this.issuedOn = issuedOn;
    }

    public UUID getOwnerUnitId() {
        return ownerUnitId;
    }

    public void setOwnerUnitId(UUID ownerUnitId) {
        this.ownerUnitId = ownerUnitId;
    }
}
