package cn.duban.audit.web;

import cn.duban.audit.OperatorAction;
import cn.duban.audit.OperatorAudit;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The audit administrator's page (审计管理员, 三员分立): the operators' trail, newest first, a page at a
 * time (older / newer). Every reading is itself on the trail, as the service records it.
 */
@Named
@ViewScoped
public class OperatorAuditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE = 50;

    /** One line as shown: the action as a bundle key when this release knows the code. */
    public record Row(OperatorAudit.Entry entry, String actionKey) implements Serializable {}

    @Inject OperatorAudit audit;

    private List<Row> rows = List.of();
    // the "before" cursors of the pages above this one (null = the newest page)
    private final Deque<Long> newer = new ArrayDeque<>();
    private Long before;

    @PostConstruct
    void load() {
        show(null);
    }

    public void older() {
        if (!hasOlder()) return;
        newer.push(before == null ? Long.MAX_VALUE : before);
        show(rows.get(rows.size() - 1).entry().seq());
    }

    public void newest() {
        newer.clear();
        show(null);
    }

    public void newerPage() {
        if (newer.isEmpty()) return;
        long cursor = newer.pop();
        show(cursor == Long.MAX_VALUE ? null : cursor);
    }

    private void show(Long cursor) {
        before = cursor;
        rows =
                audit.list(cursor, PAGE).stream()
                        .map(
                                e ->
                                        new Row(
                                                e,
                                                OperatorAction.ofCode(e.action())
                                                        .map(a -> "operatorAction." + a.name())
                                                        .orElse(null)))
                        .toList();
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean hasOlder() {
        return rows.size() == PAGE;
    }

    public boolean hasNewer() {
        return !newer.isEmpty();
    }
}
