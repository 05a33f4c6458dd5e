package cn.duban.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Walks every page a user's menu reaches (and the detail pages given), at a phone's and a desk's
 * width, as a newcomer would look at them, and lists what issue 16 found wrong on such pages: a
 * page that scrolls sideways on a phone, a missing text (???key???), a raw UTC instant, a raw
 * {@code null}, an error page. Every page is also shot to {@code dir} for a person to look at.
 */
public final class PageWalk {

    public static final int PHONE_WIDTH = 390, PHONE_HEIGHT = 844;
    public static final int DESK_WIDTH = 1440, DESK_HEIGHT = 900;

    // Linear patterns only: no nested quantifiers.
    private static final Pattern ISO_INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern NULL_WORD = Pattern.compile("(?<![A-Za-z])null(?![A-Za-z])");
    private static final Pattern MISSING_KEY = Pattern.compile("\\?\\?\\?[A-Za-z.]{1,80}\\?\\?\\?");

    private final Path dir;
    private final List<String> findings = new ArrayList<>();
    private final List<Long> millis = new ArrayList<>();
    private int pages;

    public PageWalk(Path dir) {
        this.dir = dir;
    }

    /** What was found wrong so far, one line per page and fault. */
    public List<String> findings() {
        return findings;
    }

    /**
     * Load times (navigation start to load event, ms): median and slowest, with the slowest page.
     */
    public String loadTimes() {
        List<Long> sorted = millis.stream().sorted().toList();
        if (sorted.isEmpty()) return "no page";
        return "median "
                + sorted.get(sorted.size() / 2)
                + " ms, slowest "
                + sorted.get(sorted.size() - 1)
                + " ms ("
                + slowest
                + ")";
    }

    private String slowest = "";

    /** How many page views were checked. */
    public int pages() {
        return pages;
    }

    /**
     * Logs the user in at both widths and checks every page of the menu, then each extra path (a
     * task, a circular …).
     */
    public void walk(String user, List<String> extraPaths) throws Exception {
        for (int[] size : new int[][] {{PHONE_WIDTH, PHONE_HEIGHT}, {DESK_WIDTH, DESK_HEIGHT}}) {
            ChromeDriver browser = Browsers.open(size[0], size[1]);
            try {
                Browsers.login(browser, user);
                Map<String, String> menu = new LinkedHashMap<>();
                for (WebElement a : browser.findElements(By.cssSelector("#duban-nav a")))
                    menu.put(a.getDomAttribute("href"), a.getAttribute("textContent").strip());
                for (Map.Entry<String, String> item : menu.entrySet())
                    check(browser, user, size, Browsers.APP + item.getKey(), item.getValue());
                for (String path : extraPaths)
                    check(browser, user, size, Browsers.APP + path, path);
            } finally {
                browser.quit();
            }
        }
    }

    private void check(ChromeDriver browser, String user, int[] size, String url, String name)
            throws Exception {
        browser.get(url);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
        wait.until(
                d ->
                        "complete"
                                .equals(
                                        ((JavascriptExecutor) d)
                                                .executeScript("return document.readyState;")));
        pages++;
        String where = user + " " + size[0] + "px " + name + " (" + url + ")";
        JavascriptExecutor timing = browser;
        long ms =
                ((Number)
                                timing.executeScript(
                                        "var t = performance.getEntriesByType('navigation')[0];"
                                                + " return t ? Math.round(t.duration) : 0;"))
                        .longValue();
        if (millis.isEmpty() || ms > millis.stream().mapToLong(Long::longValue).max().getAsLong())
            slowest = where;
        millis.add(ms);
        if (browser.findElements(By.id("page-title")).isEmpty()) {
            findings.add(where + ": no page title (error page?)");
        }
        JavascriptExecutor js = browser;
        Number overflow =
                (Number)
                        js.executeScript(
                                "return document.documentElement.scrollWidth - window.innerWidth;");
        if (overflow.intValue() > 1) {
            // The outermost elements that stick out on the right, to say what to fix.
            Object culprits =
                    js.executeScript(
                            "var w = window.innerWidth + 1, out = [];"
                                    + " for (var e of document.body.querySelectorAll('*')) {"
                                    + "  var p = e.parentElement;"
                                    + "  if (e.getBoundingClientRect().right > w"
                                    + "      && (!p || p.getBoundingClientRect().right <= w))"
                                    + "   out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                                    + "     + (e.className && e.className.baseVal === undefined"
                                    + "        ? '.' + e.className.trim().split(/ +/).join('.') : ''));"
                                    + "  if (out.length >= 3) break; }"
                                    + " return out.join(', ');");
            findings.add(where + ": scrolls sideways by " + overflow + " px (" + culprits + ")");
        }
        String text = browser.findElement(By.tagName("body")).getText();
        find(where, text, MISSING_KEY, "missing text");
        find(where, text, ISO_INSTANT, "raw UTC time");
        find(where, text, NULL_WORD, "raw null");
        Files.createDirectories(dir);
        String file =
                user
                        + "-"
                        + name.replaceFirst("[?].*", "").replaceAll("[^\\p{IsHan}A-Za-z0-9]", "_")
                        + "-"
                        + size[0]
                        + ".png";
        long height =
                ((Number) js.executeScript("return document.documentElement.scrollHeight;"))
                        .longValue();
        browser.manage()
                .window()
                .setSize(
                        new org.openqa.selenium.Dimension(
                                size[0], (int) Math.min(5000, Math.max(size[1], height))));
        Files.write(dir.resolve(file), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
    }

    private void find(String where, String text, Pattern pattern, String what) {
        Matcher m = pattern.matcher(text);
        if (m.find()) {
            int from = Math.max(0, m.start() - 20), to = Math.min(text.length(), m.end() + 20);
            findings.add(
                    where + ": " + what + " «" + text.substring(from, to).replace('\n', ' ') + "»");
        }
    }
}
