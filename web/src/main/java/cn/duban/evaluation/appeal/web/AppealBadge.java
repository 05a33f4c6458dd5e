package cn.duban.evaluation.appeal.web;

import cn.duban.evaluation.appeal.AppealService;
import cn.duban.platform.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The menu's count of open appeals (the district office's only), read once per request. */
@Named
@RequestScoped
public class AppealBadge {

    @Inject AppealService appeals;

    private Long open;

    public long getOpen() {
        if (open == null)
            open =
                    Caller.current().map(c -> c.hasRole(Caller.DISTRICT_ADMIN)).orElse(false)
                            ? appeals.openCount()
                            : 0L;
        return open;
    }
}
