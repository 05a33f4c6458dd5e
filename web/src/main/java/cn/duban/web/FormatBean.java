package cn.duban.web;

import cn.duban.platform.Caller;
import cn.duban.tenant.TenantService;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Locale;

/**
 * The one place pages format values, in the tenant's zone (stored on the tenant, Asia/Shanghai by
 * default) and the page's language: {@code #{fmt.dateTime(m.createdAt)}}, {@code
 * #{fmt.date(t.deadline())}}, {@code #{fmt.list(names)}}. See {@link Formats}; typed dates are read
 * by {@link DateConverter}.
 */
@Named("fmt")
@RequestScoped
public class FormatBean {

    @Inject TenantService tenants;

    private ZoneId zone;

    /** "2026年11月29日 19:25" for an Instant (or offset/zoned time); a LocalDate as {@link #date}. */
    public String dateTime(Object value) {
        if (value instanceof LocalDate d) return Formats.date(d);
        Instant at = instant(value);
        return at == null ? "" : Formats.dateTime(at, zone(), locale());
    }

    /** "2026-11-29": a LocalDate as it is, a moment as its day in the tenant's zone. */
    public String date(Object value) {
        if (value instanceof LocalDate d) return Formats.date(d);
        Instant at = instant(value);
        return at == null ? "" : Formats.date(at, zone());
    }

    /** A whole number without grouping (years, versions). */
    public String plain(Number n) {
        return Formats.plain(n);
    }

    /** An evaluation period's name from its key (2026-Q3) in the page's language. */
    public String period(String key) {
        return key == null || key.isBlank()
                ? ""
                : Formats.period(cn.duban.evaluation.Period.parse(key), locale());
    }

    public String list(Collection<?> items) {
        return Formats.list(items, locale());
    }

    /** "红灯：超期 3 天；被退回 2 次": a task's colour and why, for its light's title and text. */
    public String colour(cn.duban.ledger.TaskView t) {
        String name = Messages.text("colour." + t.colour().name());
        String why = colourReasons(t);
        return why.isEmpty() ? name : name + Messages.text("colour.because", why);
    }

    /** "超期 3 天；被退回 2 次": why a task has its colour, most serious first (empty: nothing). */
    public String colourReasons(cn.duban.ledger.TaskView t) {
        StringBuilder out = new StringBuilder();
        for (cn.duban.ledger.colour.ColourReading.Reason r : t.colourReasons()) {
            if (!out.isEmpty()) out.append(Messages.text("colour.separator"));
            out.append(Messages.text("colour.reason." + r.kind().name(), r.value()));
        }
        return out.toString();
    }

    /** "张三、李四": the names of read receipts or of a unit's people. */
    public String people(Collection<?> people) {
        return list(
                people.stream()
                        .map(
                                p ->
                                        p instanceof cn.duban.ledger.InboxRead r
                                                ? r.getName()
                                                : ((cn.duban.ledger.UnitPeople.Colleague) p)
                                                        .displayName())
                        .toList());
    }

    /** The tenant's zone, read once per request. */
    public ZoneId zone() {
        if (zone == null) {
            zone = Formats.DEFAULT_ZONE;
            if (Caller.currentTenant().isPresent()) {
                try {
                    zone = ZoneId.of(tenants.mine().getTimeZone());
                } catch (DateTimeException e) {
                    zone = Formats.DEFAULT_ZONE; // a tenant without a valid zone still sees
                    // Beijing time
                }
            }
        }
        return zone;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) return i;
        if (value instanceof OffsetDateTime o) return o.toInstant();
        if (value instanceof ZonedDateTime z) return z.toInstant();
        return null;
    }

    /** The page's language (Chinese outside a Faces request). */
    public static Locale localeOfPage() {
        return locale();
    }

    /**
     * The session's chosen language (LocaleBean, which the layout's f:view applies), not the view
     * root's: before the view is built (a viewAction on GET) the view root still carries the
     * browser's Accept-Language, so a page loaded by an English browser labelled Chinese data in
     * English.
     */
    static Locale locale() {
        try {
            return CDI.current().select(LocaleBean.class).get().getLocale();
        } catch (ContextNotActiveException | IllegalStateException e) {
            FacesContext faces = FacesContext.getCurrentInstance();
            return faces == null || faces.getViewRoot() == null
                    ? Locale.SIMPLIFIED_CHINESE
                    : faces.getViewRoot().getLocale();
        }
    }
}
