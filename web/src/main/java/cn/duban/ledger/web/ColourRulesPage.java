package cn.duban.ledger.web;

import cn.duban.ledger.colour.ColourRuleService;
import cn.duban.ledger.colour.ColourRuleVersion;
import cn.duban.ledger.colour.ColourRules;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The office's colour rules (亮灯规则): one input per rule of {@link ColourRules}, saved as a new
 * version, with the versions before it.
 */
@Named
@ViewScoped
public class ColourRulesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject ColourRuleService colours;

    private int version;
    private Map<String, Object> form;
    private String note;
    private transient List<ColourRuleVersion> history;

    public void load() {
        try {
            ColourRuleService.Current c = colours.current();
            version = c.version();
            form = new LinkedHashMap<>(c.rules().values());
            history = colours.history();
        } catch (DubanException e) {
            Messages.error(e);
            form = new LinkedHashMap<>(ColourRules.DEFAULT.values());
            history = List.of();
        }
    }

    public void save() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : ColourRules.names()) {
            Object v = form.get(name);
            if (v instanceof String s) {
                try {
                    v = new BigDecimal(s.strip());
                } catch (NumberFormatException e) {
                    Messages.errorText(Messages.text("colour.problem.range", label(name)));
                    return;
                }
            }
            if (v == null) v = 0;
            values.put(name, v);
        }
        ColourRules rules;
        try {
            rules = ColourRules.of(values, ColourRules.DEFAULT);
        } catch (IllegalArgumentException e) {
            Messages.errorText(Messages.text("colour.problem.range", label(e.getMessage())));
            return;
        }
        List<String> problems = rules.problems();
        if (!problems.isEmpty()) {
            for (String p : problems) {
                String[] codeAndName = p.split(":", 2);
                Messages.errorText(Messages.text(codeAndName[0], label(codeAndName[1])));
            }
            return;
        }
        try {
            ColourRuleService.Current saved = colours.save(rules.values(), version, note);
            note = null;
            load();
            Messages.info("colour.page.saved", saved.version());
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    private static String label(String name) {
        return Messages.text("colour.rule." + name);
    }

    public List<String> getNames() {
        return ColourRules.names();
    }

    /** Whether the rule is a yes/no (a checkbox) rather than days or times. */
    public boolean flag(String name) {
        return ColourRules.DEFAULT.values().get(name) instanceof Boolean;
    }

    public int getVersion() {
        return version;
    }

    public Map<String, Object> getForm() {
        return form;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<ColourRuleVersion> getHistory() {
        if (history == null) history = colours.history();
        return history;
    }
}
