package cn.duban.notify.web;

import cn.duban.notify.AllowEntry;
import cn.duban.notify.OutboundService;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The operator's outbound allow-list and CA bundle, a section of the platform page. */
@Named
@ViewScoped
public class OutboundPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject OutboundService outbound;

    private transient List<AllowEntry> entries;
    private transient OutboundService.Ca ca;
    private String host, note, pem;
    private Integer port;
    private boolean internal;

    private void load() {
        try {
            entries = outbound.allowList();
            ca = outbound.ca();
        } catch (DubanException e) {
            Messages.error(e);
            entries = List.of();
            ca = new OutboundService.Ca(false, List.of(), null);
        }
    }

    public void add() {
        List<AllowEntry> next = new ArrayList<>(getEntries());
        next.add(new AllowEntry(host, port == null ? 0 : port, internal, note));
        save(next);
    }

    public void remove(String h, int p) {
        List<AllowEntry> next = new ArrayList<>(getEntries());
        next.removeIf(e -> e.host().equals(h) && e.port() == p);
        save(next);
    }

    private void save(List<AllowEntry> next) {
        try {
            outbound.saveAllowList(next);
            host = note = null;
            port = null;
            internal = false;
            load();
            Messages.info("outbound.saved");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void saveCa() {
        try {
            outbound.saveCa(pem == null ? "" : pem);
            pem = null;
            load();
            Messages.info("outbound.saved");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public List<AllowEntry> getEntries() {
        if (entries == null) load();
        return entries;
    }

    public OutboundService.Ca getCa() {
        if (ca == null) load();
        return ca;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String v) {
        host = v;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer v) {
        port = v;
    }

    public boolean isInternal() {
        return internal;
    }

    public void setInternal(boolean v) {
        internal = v;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String v) {
        note = v;
    }

    public String getPem() {
        return pem;
    }

    public void setPem(String v) {
        pem = v;
    }
}
