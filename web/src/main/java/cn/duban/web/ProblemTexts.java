package cn.duban.web;

import cn.duban.platform.DubanException;
import cn.duban.platform.ListedProblem;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The sentence a person reads for a domain error, in their language. A {@link DubanException}
 * carries a specific Chinese detail written at the throw site; other languages get the generic
 * sentence of its code, {@code problem.<code>} in the UI bundle (ProblemCodesTest checks every
 * thrown code has one). Chinese, and anything that is not known to prefer English, keeps the
 * specific detail, so the Chinese pages and the API without Accept-Language stay as they are.
 */
public final class ProblemTexts {

    static final String BUNDLE = "cn.duban.web.messages";

    private ProblemTexts() {}

    /** The detail of {@code e} for a person reading {@code locale}. */
    public static String detail(DubanException e, Locale locale) {
        return detail(e.code(), e.detail(), locale);
    }

    /**
     * The specific {@code detail} for Chinese; otherwise the code's generic sentence, unless the
     * detail has no Chinese at all (written in the page's language already, as Uploads does) or the
     * code has no sentence.
     */
    public static String detail(String code, String detail, Locale locale) {
        if (isChinese(locale) || code == null || (detail != null && !hasChinese(detail))) {
            return detail;
        }
        String generic = sentence(code, locale);
        return generic != null ? generic : detail;
    }

    /**
     * The problems an answer lists, for a person reading {@code locale}: in Chinese as found; in
     * another language each {@link ListedProblem} told by its code's sentence with its arguments (a
     * row's "单位“X”不存在" becomes 'Unit "X" does not exist'). Other entries stay as they are.
     */
    public static List<?> errors(List<?> errors, Locale locale) {
        if (errors == null || isChinese(locale)) return errors;
        return errors.stream()
                .map(
                        e -> {
                            if (!(e instanceof ListedProblem p)) return e;
                            String told = detail(p.code(), p.message(), locale);
                            if (told == null || told.equals(p.message())) return e;
                            return p.withMessage(
                                    new MessageFormat(told, locale).format(p.args().toArray()));
                        })
                .toList();
    }

    /** The generic sentence of {@code code} in {@code locale}'s bundle, or null if it has none. */
    static String sentence(String code, Locale locale) {
        try {
            return ResourceBundle.getBundle(
                            BUNDLE,
                            locale,
                            ResourceBundle.Control.getNoFallbackControl(
                                    ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(code.startsWith("http.") ? "problem.http" : "problem." + code);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** Whether a locale is Chinese (or unknown: Chinese is the product's first language). */
    public static boolean isChinese(Locale locale) {
        return locale == null || "zh".equals(locale.getLanguage());
    }

    /**
     * The language of the API's answer from an {@code Accept-Language} header: English when, of the
     * languages the product speaks, English has the highest weight (ties: the first listed);
     * Chinese otherwise, also without a header, for {@code *} and for a malformed header.
     */
    public static Locale apiLocale(String acceptLanguage) {
        return prefersEnglish(acceptLanguage) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    static boolean prefersEnglish(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return false;
        }
        List<Locale.LanguageRange> ranges;
        try {
            // Sorted by weight, highest first; equal weights keep the header's order.
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() <= 0) continue;
            String primary = r.getRange().split("-", 2)[0];
            if (primary.equals("en")) return true;
            if (primary.equals("zh") || primary.equals("*")) return false;
        }
        return false;
    }

    /**
     * Han characters, CJK punctuation or full-width forms, as MessageBundlesTest looks for them.
     */
    static boolean hasChinese(String text) {
        return text.codePoints()
                .anyMatch(
                        c ->
                                Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                                        || (c >= 0x3000 && c <= 0x303f)
                                        || (c >= 0xff00 && c <= 0xffef));
    }
}
