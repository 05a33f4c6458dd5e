package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Multipart;
import cn.duban.it.support.PageTest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Domain errors in English (issue 16, item 7): an English page shows the generic English sentence
 * of the error's code, with no Chinese in the message; the API answers in English to a client whose
 * Accept-Language prefers English, and exactly as before (the throw site's Chinese detail) without
 * the header or when Chinese comes first. {@code code} and {@code type} never change.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnglishErrorsIT extends PageTest {

    @Test
    void anEnglishPageShowsTheEnglishSentenceOfADomainError() {
        String taken = Api.get("pt-admin", "/units").array().getJsonObject(0).getString("code");
        open(DESKTOP);
        login("pt-admin");
        titleIs("区府办工作台");
        browser.findElement(By.id("lang:toggle")).click();
        titleIs("District office workspace");

        browser.findElement(By.id("add:code")).sendKeys(taken);
        browser.findElement(By.id("add:name")).sendKeys("Duplicate code test unit");
        browser.findElement(By.id("add:save")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("growl_container"), "This unit code is already in use."));
        String message = browser.findElement(By.id("growl_container")).getText();
        assertThat(message).doesNotContain("已被使用");
        assertThat(chinese(message)).as("Chinese in the message: " + message).isFalse();
        assertThat(text("page-title")).isEqualTo("District office workspace");
    }

    @Test
    void theApiAnswersInEnglishWhenTheClientPrefersEnglish() {
        String path = "/tasks/" + UUID.randomUUID();
        JsonObject english = get(path, "en").json();
        assertThat(english.getString("detail")).isEqualTo("The task does not exist.");
        assertThat(english.getString("code")).isEqualTo("task.not-found");
        assertThat(english.getString("type")).isEqualTo("urn:duban:problem:task.not-found");
        assertThat(english.getString("title")).isEqualTo("Not Found");
        assertThat(english.getInt("status")).isEqualTo(404);
        assertThat(get(path, "en-US,en;q=0.9,zh-CN;q=0.8").json().getString("detail"))
                .isEqualTo("The task does not exist.");

        // Without the header, or with Chinese first: exactly today's answer.
        JsonObject chinese = get(path, null).json();
        assertThat(chinese.getString("detail")).isEqualTo("任务不存在。");
        assertThat(get(path, "zh-CN,en;q=0.8").json()).isEqualTo(chinese);
        assertThat(english.getString("code")).isEqualTo(chinese.getString("code"));
        assertThat(english.getString("type")).isEqualTo(chinese.getString("type"));

        // A code thrown with several details: the one generic sentence in English.
        String taken = Api.get("pt-admin", "/units").array().getJsonObject(0).getString("code");
        String unit = "{\"code\":\"" + taken + "\",\"name\":\"Duplicate\",\"kind\":\"TOWN\"}";
        Api.Reply refused = post("/units", unit, "en");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().getString("code")).isEqualTo("unit.code-taken");
        assertThat(refused.json().getString("detail"))
                .isEqualTo("This unit code is already in use.");
        assertThat(post("/units", unit, null).json().getString("detail"))
                .isEqualTo("单位代码“" + taken + "”已被使用。");

        // The mapper's own problems too (malformed JSON).
        Api.Reply malformed = post("/units", "{not json", "en");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().getString("code")).isEqualTo("request.malformed");
        assertThat(chinese(malformed.json().getString("detail"))).isFalse();
    }

    @Test
    void theRowsOfARefusedSheetAreListedInTheClientsLanguage() throws Exception {
        byte[] sheet;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
                        new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var rows = book.createSheet("账号");
            String[][] cells = {
                {"姓名", "登录名", "手机", "邮箱", "单位", "角色"},
                {"王五", "en-rows-1", "123", "", "不存在的街道", "联络员"}
            };
            for (int r = 0; r < cells.length; r++) {
                var row = rows.createRow(r);
                for (int c = 0; c < cells[r].length; c++)
                    row.createCell(c).setCellValue(cells[r][c]);
            }
            book.write(out);
            sheet = out.toByteArray();
        }
        Api.Reply english = importAccounts(sheet, "en");
        assertThat(english.status()).as(english.body()).isEqualTo(400);
        assertThat(english.json().getString("code")).isEqualTo("account.import.rows");
        var errors = english.json().getJsonArray("errors");
        assertThat(errors.getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("message"))
                .contains(
                        "There is no unit \"不存在的街道\".",
                        "The phone number \"123\" is not valid: use an 11-digit mobile number or a"
                                + " number with its area code.");
        assertThat(errors.getJsonObject(0).getString("code")).startsWith("account.");
        assertThat(errors.getJsonObject(0).getInt("rowNumber")).isEqualTo(2);
        // Without the header: the Chinese sentences, as before.
        assertThat(importAccounts(sheet, null).json().getJsonArray("errors").toString())
                .contains("单位“不存在的街道”不存在");

        // The accounts page lists the refused sheet's rows under its upload, in English.
        java.nio.file.Path file = java.nio.file.Files.createTempFile("accounts", ".xlsx");
        java.nio.file.Files.write(file, sheet);
        open(DESKTOP);
        login("pt-admin");
        titleIs("区府办工作台");
        browser.findElement(By.id("lang:toggle")).click();
        titleIs("District office workspace");
        go("/app/admin/accounts.xhtml", null);
        browser.findElement(By.id("import:file_input")).sendKeys(file.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import:errors")));
        assertThat(text("import:errors")).contains("There is no unit \"不存在的街道\".").contains("2");
    }

    private static Api.Reply importAccounts(byte[] xlsx, String language) {
        String boundary = "duban" + System.nanoTime();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(Api.base() + "/accounts/import"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                HttpRequest.BodyPublishers.ofByteArray(
                                        Multipart.body(
                                                boundary, "账号.xlsx", xlsx, java.util.Map.of())));
        if (language != null) request.header("Accept-Language", language);
        return Api.send("pt-admin", request);
    }

    private static Api.Reply get(String path, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.base() + path)).GET();
        if (language != null) request.header("Accept-Language", language);
        return Api.send("pt-admin", request);
    }

    private static Api.Reply post(String path, String json, String language) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(Api.base() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
        if (language != null) request.header("Accept-Language", language);
        return Api.send("pt-admin", request);
    }

    /** Han characters, CJK punctuation or full-width forms. */
    private static boolean chinese(String text) {
        return text.codePoints()
                .anyMatch(
                        c ->
                                Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                                        || (c >= 0x3000 && c <= 0x303f)
                                        || (c >= 0xff00 && c <= 0xffef));
    }
}
