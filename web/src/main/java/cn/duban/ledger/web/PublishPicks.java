package cn.duban.ledger.web;

import cn.duban.ledger.PublishingService.Assignment;
import cn.duban.ledger.PublishingService.OpenName;
import cn.duban.ledger.PublishingService.Proposed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the publish page's picks into the assignments of a publishing request. A point with a pick
 * keeps the units the plan itself names (as the plan gives their roles) and adds the picked units
 * with the role the admin chose for that name (by default the plan's role for it: a unit picked for
 * "配合单位：相关部门" co-operates, it does not lead).
 */
final class PublishPicks {

    private PublishPicks() {}

    /** The key of one open name's picker: a point may have more than one name to resolve. */
    static String key(OpenName o) {
        return o.pointId() + "|" + o.name();
    }

    /**
     * @param open the open names, as the plan alone resolves them
     * @param baseline the tasks the plan alone resolves to (without any pick)
     * @param picks open name key → picked unit ids
     * @param roles open name key → chosen role (LEAD / COOPERATING); missing → the name's role
     */
    static Map<UUID, List<Assignment>> assignments(
            List<OpenName> open,
            List<Proposed> baseline,
            Map<String, String[]> picks,
            Map<String, String> roles) {
        Map<UUID, List<Assignment>> chosen = new LinkedHashMap<>();
        for (OpenName o : open) {
            String[] ids = picks.get(key(o));
            if (ids == null || ids.length == 0) continue;
            String role = roles.get(key(o));
            if (role == null || role.isBlank()) role = o.role();
            List<Assignment> list = chosen.computeIfAbsent(o.pointId(), p -> new ArrayList<>());
            for (String id : ids) {
                UUID unit = UUID.fromString(id);
                if (list.stream().noneMatch(a -> a.unitId().equals(unit)))
                    list.add(new Assignment(unit, role));
            }
        }
        // A pick replaces the plan's resolution of that point: keep the units the plan names
        // itself.
        for (Proposed p : baseline) {
            List<Assignment> list = chosen.get(p.pointId());
            if (list != null && list.stream().noneMatch(a -> a.unitId().equals(p.unitId()))) {
                list.add(new Assignment(p.unitId(), p.role()));
            }
        }
        return chosen;
    }
}
