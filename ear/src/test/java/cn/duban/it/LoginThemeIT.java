package cn.duban.it;

import static cn.duban.it.support.LoginPages.SIZES;
import static cn.duban.it.support.LoginPages.assertFits;
import static cn.duban.it.support.LoginPages.loginUrl;
import static cn.duban.it.support.LoginPages.shoot;
import static cn.duban.it.support.LoginPages.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.it.support.Browsers;
import cn.duban.it.support.RealmAdmin;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Keycloak's login pages in Duban's theme (ear/src/main/keycloak/themes/duban), as the test stack's
 * Keycloak serves them from the realm's {@code loginTheme}: Chinese by default, English with {@code
 * ui_locales=en}, on a phone (390×844) and a desktop (1440×900); the password reset and the
 * first-login required actions (new password, OTP) in the same theme. Full-page screenshots in
 * ear/target/screenshots/login-*.png. Keycloak alone: no deployment needed.
 */
class LoginThemeIT {

    @Test
    void theLoginPageIsDubansInChineseOnAPhoneAndADesktop() throws Exception {
        WebDriver b = Browsers.open();
        try {
            for (Dimension size : SIZES) {
                b.manage().window().setSize(size);
                b.get(loginUrl("&ui_locales=zh-CN"));
                waitFor(b, "username");
                shoot(b, "login-zh-" + size.width + "x" + size.height);
                assertThat(b.findElement(By.tagName("html")).getAttribute("lang"))
                        .isEqualTo("zh-CN");
                assertThat(b.getTitle()).isEqualTo("登录督办");
                assertThat(text(b, "#kc-header-wrapper")).contains("督办").contains("督查督办平台");
                assertThat(text(b, "#kc-page-title")).isEqualTo("登录督办");
                assertThat(text(b, "label[for=username]")).isEqualTo("登录名或邮箱");
                assertThat(text(b, "label[for=password]")).isEqualTo("密码");
                assertThat(b.findElement(By.id("kc-login")).getText().strip()).isEqualTo("登录");
                assertThat(b.findElement(By.linkText("忘记密码？")).isDisplayed()).isTrue();
                // Duban's colour, not Keycloak's blue, on the sign-in button.
                assertThat(b.findElement(By.id("kc-login")).getCssValue("background-color"))
                        .isEqualTo("rgba(166, 27, 27, 1)");
                assertFits(b, size);
            }
        } finally {
            Browsers.close(b, "login-theme-zh");
        }
    }

    @Test
    void uiLocalesEnShowsTheEnglishPage() throws Exception {
        WebDriver b = Browsers.open();
        try {
            for (Dimension size : SIZES) {
                b.manage().window().setSize(size);
                b.get(loginUrl("&ui_locales=en"));
                waitFor(b, "username");
                shoot(b, "login-en-" + size.width + "x" + size.height);
                assertThat(b.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
                assertThat(b.getTitle()).isEqualTo("Sign in to Duban");
                assertThat(text(b, "#kc-header-wrapper")).contains("Duban");
                assertThat(text(b, "label[for=username]")).isEqualTo("Login name or e-mail");
                assertThat(text(b, "label[for=password]")).isEqualTo("Password");
                assertThat(b.findElement(By.id("kc-login")).getText().strip()).isEqualTo("Sign in");
                assertFits(b, size);
            }
        } finally {
            Browsers.close(b, "login-theme-en");
        }
    }

    @Test
    void thePasswordResetByEmailIsOffered() throws Exception {
        WebDriver b = Browsers.open(390, 844);
        try {
            b.get(loginUrl("&ui_locales=zh-CN"));
            waitFor(b, "username");
            b.findElement(By.linkText("忘记密码？")).click();
            new WebDriverWait(b, java.time.Duration.ofSeconds(30))
                    .until(ExpectedConditions.textToBe(By.id("kc-page-title"), "找回密码"));
            shoot(b, "login-reset-390x844");
            assertThat(b.findElement(By.id("username")).isDisplayed()).isTrue();
            assertThat(b.getPageSource()).contains("重设密码的链接");
        } finally {
            Browsers.close(b, "login-theme-reset");
        }
    }

    /**
     * Without a language asked for (no {@code Accept-Language}, no {@code ui_locales}) the page is
     * Chinese, the realm's default; a browser asking for Chinese gets it too.
     */
    @Test
    void chineseIsTheDefault() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String accept : new String[] {null, "zh-CN,zh;q=0.9,en;q=0.8"}) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(loginUrl("")));
            if (accept != null) request.header("Accept-Language", accept);
            String page =
                    http.send(
                                    request.build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString(
                                            StandardCharsets.UTF_8))
                            .body();
            assertThat(page).as(String.valueOf(accept)).contains("lang=\"zh-CN\"");
            assertThat(page).contains("<title>登录督办</title>").contains("登录名或邮箱");
        }
    }

    /**
     * A person with a one-time password and the first-login actions an invitation gives meets them
     * in Duban's theme, in Chinese: the OTP set-up (an administrator) and the new password.
     */
    @Test
    void theFirstLoginRequiredActionsAreInTheTheme() throws Exception {
        firstLogin(
                "theme-first-otp",
                "CONFIGURE_TOTP",
                "kc-totp-settings",
                "设置手机动态口令",
                "在手机上安装任一动态口令应用");
        firstLogin("theme-first-pw", "UPDATE_PASSWORD", "password-new", "首次登录：请设置新密码", "新密码");
    }

    private static void firstLogin(
            String username, String action, String element, String title, String text)
            throws Exception {
        RealmAdmin.delete(username);
        String id = RealmAdmin.createUser(username, "jiading", "unit-reporter");
        RealmAdmin.put(
                "/users/" + id + "/reset-password",
                Json.createObjectBuilder()
                        .add("type", "password")
                        .add("value", "Once-only-1234")
                        .add("temporary", false)
                        .build()
                        .toString());
        RealmAdmin.put(
                "/users/" + id,
                Json.createObjectBuilder(RealmAdmin.userById(id))
                        .remove("access")
                        .add("requiredActions", Json.createArrayBuilder().add(action))
                        .build()
                        .toString());
        WebDriver b = Browsers.open(390, 844);
        try {
            b.get(loginUrl("&ui_locales=zh-CN"));
            waitFor(b, "username");
            b.findElement(By.id("username")).sendKeys(username);
            b.findElement(By.id("password")).sendKeys("Once-only-1234");
            b.findElement(By.id("kc-login")).click();
            waitFor(b, element);
            shoot(b, "login-first-" + action.toLowerCase(java.util.Locale.ROOT) + "-390x844");
            assertThat(text(b, "#kc-page-title")).isEqualTo(title);
            assertThat(text(b, "#kc-header-wrapper")).contains("督办");
            assertThat(b.getPageSource()).contains(text);
            assertFits(b, new Dimension(390, 844));
        } finally {
            Browsers.close(b, "login-theme-" + username);
            RealmAdmin.delete(username);
        }
    }

    private static String text(WebDriver b, String css) {
        return b.findElement(By.cssSelector(css)).getText().strip();
    }
}
