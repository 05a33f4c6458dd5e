package cn.duban.ledger.web;

import cn.duban.ledger.TaskQueries;
import cn.duban.ledger.TaskView;
import cn.duban.ledger.Urgency;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The unit workspace: the unit's open tasks by urgency, with a count per traffic light. */
@Named
@ViewScoped
public class MyTasksPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject TaskQueries tasks;

    private List<TaskView> mine;

    public List<TaskView> getTasks() {
        if (mine == null) {
            try {
                mine = tasks.mine(500);
            } catch (DubanException e) {
                Messages.error(e);
                mine = List.of();
            }
        }
        return mine;
    }

    /**
     * Tasks per traffic light, keyed by the urgency's name: EL looks maps up with the string the
     * page writes.
     */
    public Map<String, Long> getCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Urgency u : Urgency.values()) counts.put(u.name(), 0L);
        for (TaskView t : getTasks()) counts.merge(t.urgency().name(), 1L, Long::sum);
        return counts;
    }
}
