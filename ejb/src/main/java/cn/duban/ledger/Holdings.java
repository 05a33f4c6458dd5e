package cn.duban.ledger;

import cn.duban.platform.DubanException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who holds what inside a unit (单位内部流转), the pure part: a held task as the unit head's page and the
 * API show it, the count of open tasks per 经办人, and the checks of a hand-over (a person leaving
 * hands all of their tasks to a successor).
 */
public final class Holdings {

    private Holdings() {}

    /** One open task of the unit and who holds it (holder null: not handed, the whole unit). */
    public record Holding(
            UUID taskId,
            String title,
            TaskStatus status,
            LocalDate deadline,
            String holderUsername,
            String holderName,
            Instant handedAt,
            String handedBy) {}

    /** A 经办人 and the number of open tasks they hold. */
    public record Holder(String username, String name, long open) {}

    /** Open tasks per holder, most first, then by name; tasks not handed are left out. */
    public static List<Holder> perHolder(List<Holding> holdings) {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Holding h : holdings) {
            if (h.holderUsername() == null) continue;
            counts.computeIfAbsent(h.holderUsername(), k -> new long[1])[0]++;
            names.putIfAbsent(h.holderUsername(), h.holderName());
        }
        List<Holder> out = new ArrayList<>();
        counts.forEach((u, n) -> out.add(new Holder(u, names.get(u), n[0])));
        out.sort(
                Comparator.comparingLong(Holder::open)
                        .reversed()
                        .thenComparing(h -> h.name() == null ? h.username() : h.name())
                        .thenComparing(Holder::username));
        return out;
    }

    /** A hand-over names a leaver and a different successor. */
    public static void checkHandOver(String leaver, String successor) {
        if (leaver == null || leaver.isBlank() || successor == null || successor.isBlank())
            throw DubanException.badRequest("handover.people-missing", "请选择离岗人员和接手人员。");
        if (leaver.strip().equals(successor.strip()))
            throw DubanException.badRequest("handover.same-person", "接手人员不能是离岗人员本人。");
    }

    /** The colleague of that username among the unit's people, or a 400 naming the code. */
    public static UnitPeople.Colleague colleague(
            List<UnitPeople.Colleague> people, String username) {
        if (username == null || username.isBlank())
            throw DubanException.badRequest("handover.holder-missing", "请选择经办人。");
        String wanted = username.strip();
        return people.stream()
                .filter(c -> c.username().equals(wanted))
                .findFirst()
                .orElseThrow(
                        () ->
                                DubanException.badRequest(
                                        "handover.not-colleague", "只能交给本单位在岗的联络员经办。"));
    }
}
