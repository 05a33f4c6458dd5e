package cn.duban.ledger.web;

import cn.duban.ledger.TaskQueries;
import cn.duban.ledger.TaskView;
import cn.duban.ledger.colour.Colour;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit workspace: the unit's open tasks, most urgent first, with a count per colour (by the
 * tenant's colour rules) and of those awaiting the district's review.
 */
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
     * Open tasks per colour, keyed by the colour's name (EL looks maps up with the string the page
     * writes), and {@code REVIEW}: those whose report awaits the district's review.
     */
    public Map<String, Long> getCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Colour c : Colour.values()) counts.put(c.name(), 0L);
        counts.put("REVIEW", 0L);
        for (TaskView t : getTasks()) {
            counts.merge(t.colour().name(), 1L, Long::sum);
            if (t.status() == cn.duban.ledger.TaskStatus.SUBMITTED)
                counts.merge("REVIEW", 1L, Long::sum);
        }
        return counts;
    }
}
