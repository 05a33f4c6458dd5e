package cn.duban.tenant.web;

import cn.duban.tenant.UnitInput;
import cn.duban.tenant.UnitKind;
import cn.duban.tenant.UnitService;
import cn.duban.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** The units page of the district office, and the grouped overview leaders see. */
@Named
@ViewScoped
public class UnitsPage implements Serializable {

    @Inject UnitService service;

    private List<UnitView> units;

    // the "add unit" form
    private String code;
    private String name;
    private UnitKind kind = UnitKind.DEPARTMENT;
    private String rankingGroup;
    private String aliases;

    /** A unit with how deep it sits in the tree: the page indents it that much. */
    public record TreeRow(UnitView unit, int depth) implements Serializable {}

    private List<TreeRow> tree;

    @PostConstruct
    void load() {
        units = service.list().stream().map(UnitView::of).toList();
        tree = treeOrder(units);
    }

    public List<UnitView> getUnits() {
        return units;
    }

    /** The units in tree order (each unit followed by the units under it), with their depths. */
    public List<TreeRow> getTree() {
        return tree;
    }

    static List<TreeRow> treeOrder(List<UnitView> all) {
        java.util.Map<String, List<UnitView>> byParent = new java.util.LinkedHashMap<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (UnitView u : all) codes.add(u.code());
        for (UnitView u : all) {
            // A parent that is not listed (never in practice) makes its child a root.
            String parent =
                    u.parentCode() != null && codes.contains(u.parentCode()) ? u.parentCode() : "";
            byParent.computeIfAbsent(parent, k -> new java.util.ArrayList<>()).add(u);
        }
        List<TreeRow> out = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<TreeRow> stack = new java.util.ArrayDeque<>();
        List<UnitView> roots = byParent.getOrDefault("", List.of());
        for (int i = roots.size() - 1; i >= 0; i--) stack.push(new TreeRow(roots.get(i), 0));
        while (!stack.isEmpty()) {
            TreeRow r = stack.pop();
            if (!seen.add(r.unit().code())) continue;
            out.add(r);
            List<UnitView> kids = byParent.getOrDefault(r.unit().code(), List.of());
            if (r.depth() < cn.duban.tenant.UnitTree.MAX_DEPTH)
                for (int i = kids.size() - 1; i >= 0; i--)
                    stack.push(new TreeRow(kids.get(i), r.depth() + 1));
        }
        // Units caught in a cycle (none reach a root) still show, at the top level.
        for (UnitView u : all) if (!seen.contains(u.code())) out.add(new TreeRow(u, 0));
        return out;
    }

    public long count(UnitKind k) {
        return units.stream().filter(u -> u.kind() == k).count();
    }

    public UnitKind[] getKinds() {
        return UnitKind.values();
    }

    public void add() {
        List<String> aliasList =
                aliases == null
                        ? List.of()
                        : Arrays.stream(aliases.split("[,，、;；\\s]+"))
                                .filter(s -> !s.isBlank())
                                .toList();
        service.create(new UnitInput(code, name, kind, rankingGroup, aliasList, null, null));
        Messages.info("saved");
        code = name = rankingGroup = aliases = null;
        load();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UnitKind getKind() {
        return kind;
    }

    public void setKind(UnitKind kind) {
        this.kind = kind;
    }

    public String getRankingGroup() {
        return rankingGroup;
    }

    public void setRankingGroup(String rankingGroup) {
        this.rankingGroup = rankingGroup;
    }

    public String getAliases() {
        return aliases;
    }

    public void setAliases(String aliases) {
        this.aliases = aliases;
    }
}
