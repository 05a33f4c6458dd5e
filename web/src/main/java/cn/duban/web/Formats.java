package cn.duban.web;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How the UI writes values, in plain Java so every page writes them the same way; pages reach it
 * through the {@code fmt} bean ({@link FormatBean}), which knows the tenant's zone and the language.
 */
public final class Formats {

    private Formats() {
    }

    /** Names as a Chinese list ("长寿路街道、宜川路街道"), or comma separated in English; empty for none. */
    public static String list(Collection<?> items, Locale locale) {
        if (items == null || items.isEmpty()) return "";
        String separator = Locale.ENGLISH.getLanguage().equals(locale == null ? null : locale.getLanguage()) ? ", " : "、";
        return items.stream().filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining(separator));
    }
}
