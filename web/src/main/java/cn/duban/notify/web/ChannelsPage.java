package cn.duban.notify.web;

import cn.duban.notify.ChannelConfig;
import cn.duban.notify.ChannelService;
import cn.duban.notify.Masking;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 通知渠道 for the district office: quiet hours, the cap and the SMS gateway; each unit's phones and
 * robots (shown masked, secrets never); the delivery log with its statuses.
 */
@Named
@ViewScoped
public class ChannelsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject ChannelService channels;

    @Inject UnitService units;

    /** A unit's row: masked phones, robots by host. */
    public record UnitRow(
            UUID id, String name, String phones, String wecom, String dingtalk, boolean signed) {
        public boolean configured() {
            return !phones.isEmpty() || !wecom.isEmpty() || !dingtalk.isEmpty();
        }
    }

    private transient ChannelViews.TenantView tenant;
    private transient List<UnitRow> unitRows;
    private transient List<ChannelService.Delivery> deliveries;

    private String quietStart, quietEnd, smsUrl, smsKey;
    private Integer cap;

    private UUID unitId;
    private String phones, wecomUrl, dingtalkUrl, dingtalkSecret;

    public void load() {
        try {
            tenant = ChannelViews.TenantView.of(channels.tenant());
            quietStart = tenant.quietStart();
            quietEnd = tenant.quietEnd();
            cap = tenant.capPerWeek();
            smsUrl = tenant.smsUrl();
            Map<UUID, ChannelConfig.Unit> set =
                    channels.units().stream()
                            .collect(
                                    Collectors.toMap(
                                            ChannelConfig.Unit::unitId, Function.identity()));
            unitRows = units.list().stream().map(u -> row(u, set.get(u.getId()))).toList();
            deliveries = channels.deliveries(null, null, null, null, 100);
        } catch (DubanException e) {
            Messages.error(e);
            unitRows = List.of();
            deliveries = List.of();
        }
    }

    private static UnitRow row(Unit u, ChannelConfig.Unit c) {
        if (c == null) return new UnitRow(u.getId(), u.getName(), "", "", "", false);
        return new UnitRow(
                u.getId(),
                u.getName(),
                Masking.phones(c.phones()),
                c.wecomSealed() == null ? "" : c.wecomHost(),
                c.dingtalkSealed() == null ? "" : c.dingtalkHost(),
                c.dingtalkSealed() != null && c.dingtalkSecretSealed() != null);
    }

    public void saveTenant() {
        try {
            channels.saveTenant(
                    new ChannelService.TenantInput(
                            blank(quietStart),
                            blank(quietEnd),
                            cap,
                            smsUrl == null ? "" : smsUrl,
                            smsKey == null || smsKey.isEmpty() ? null : smsKey));
            smsKey = null;
            load();
            Messages.info("channels.saved");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void saveUnit() {
        if (unitId == null) {
            Messages.errorText(Messages.text("channels.pickUnit"));
            return;
        }
        try {
            channels.saveUnit(
                    unitId,
                    new ChannelService.UnitInput(
                            phones == null
                                    ? null
                                    : Arrays.stream(phones.split("[,，\\s]+")).toList(),
                            empty(wecomUrl),
                            empty(dingtalkUrl),
                            dingtalkSecret == null || dingtalkSecret.isEmpty()
                                    ? null
                                    : dingtalkSecret));
            wecomUrl = dingtalkUrl = dingtalkSecret = null;
            load();
            Messages.info("channels.saved");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    /** Picking a unit fills its phones (the URLs are secrets: left empty, kept unless typed). */
    public void pick() {
        if (unitId == null) return;
        try {
            phones = String.join(", ", channels.unit(unitId).phones());
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void test(UUID unit) {
        try {
            channels.test(unit, null);
            load();
            Messages.info("channels.testQueued");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** An empty URL field means "leave as it is"; a single "-" removes the robot. */
    private static String empty(String s) {
        if (s == null || s.isBlank()) return null;
        return s.strip().equals("-") ? "" : s.strip();
    }

    public String quietText() {
        if (tenant == null) load();
        return tenant == null || tenant.quietStart() == null
                ? Messages.text("channels.quietNone")
                : tenant.quietStart() + "–" + tenant.quietEnd();
    }

    public ChannelViews.TenantView getTenant() {
        if (tenant == null) load();
        return tenant;
    }

    public List<UnitRow> getUnitRows() {
        if (unitRows == null) load();
        return unitRows;
    }

    /** The units with a channel, for the table (every unit is in the form's list). */
    public List<UnitRow> getConfiguredRows() {
        return getUnitRows().stream().filter(UnitRow::configured).toList();
    }

    public List<ChannelService.Delivery> getDeliveries() {
        if (deliveries == null) load();
        return deliveries;
    }

    public String getQuietStart() {
        return quietStart;
    }

    public void setQuietStart(String v) {
        quietStart = v;
    }

    public String getQuietEnd() {
        return quietEnd;
    }

    public void setQuietEnd(String v) {
        quietEnd = v;
    }

    public Integer getCap() {
        return cap;
    }

    public void setCap(Integer v) {
        cap = v;
    }

    public String getSmsUrl() {
        return smsUrl;
    }

    public void setSmsUrl(String v) {
        smsUrl = v;
    }

    public String getSmsKey() {
        return smsKey;
    }

    public void setSmsKey(String v) {
        smsKey = v;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public void setUnitId(UUID v) {
        unitId = v;
    }

    public String getPhones() {
        return phones;
    }

    public void setPhones(String v) {
        phones = v;
    }

    public String getWecomUrl() {
        return wecomUrl;
    }

    public void setWecomUrl(String v) {
        wecomUrl = v;
    }

    public String getDingtalkUrl() {
        return dingtalkUrl;
    }

    public void setDingtalkUrl(String v) {
        dingtalkUrl = v;
    }

    public String getDingtalkSecret() {
        return dingtalkSecret;
    }

    public void setDingtalkSecret(String v) {
        dingtalkSecret = v;
    }
}
