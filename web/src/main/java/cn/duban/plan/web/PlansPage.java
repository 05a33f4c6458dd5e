package cn.duban.plan.web;

import cn.duban.plan.Plan;
import cn.duban.plan.PlanService;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** The tenant's plan templates by year. */
@Named
@ViewScoped
public class PlansPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject PlanService plans;

    private List<Plan> list;

    public List<Plan> getPlans() {
        if (list == null) list = plans.list(null, null);
        return list;
    }

    public String nextYear(UUID id) {
        Plan plan = plans.nextYear(id);
        Messages.flash("plan.nextYearCreated", plan.getYear());
        return "/app/admin/plan.xhtml?faces-redirect=true&id=" + plan.getId();
    }

    public void delete(UUID id) {
        plans.delete(id, null);
        list = null;
        Messages.info("plan.deleted");
    }
}
