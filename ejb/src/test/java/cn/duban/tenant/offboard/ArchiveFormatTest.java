package cn.duban.tenant.offboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArchiveFormatTest {

    @Test
    void secretLookingColumnsAreRecognised() {
        for (String c :
                new String[] {
                    "client_secret",
                    "webhook_token",
                    "smtp_password",
                    "ApiKey",
                    "api_key",
                    "private_key",
                    "credentials",
                    "access-token"
                }) {
            assertThat(ArchiveFormat.isSecret(c)).as(c).isTrue();
        }
        for (String c :
                new String[] {
                    "key_id", "hash", "prev_hash", "sha256", "name", "email_enabled", "key"
                }) {
            assertThat(ArchiveFormat.isSecret(c)).as(c).isFalse();
        }
    }

    @Test
    void csvFieldsAreQuotedAndFormulasDefused() {
        assertThat(ArchiveFormat.csvField(null)).isEmpty();
        assertThat(ArchiveFormat.csvField("长寿路街道")).isEqualTo("长寿路街道");
        assertThat(ArchiveFormat.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(ArchiveFormat.csvField("say \"hi\"\nnow")).isEqualTo("\"say \"\"hi\"\"\nnow\"");
        assertThat(ArchiveFormat.csvField("=HYPERLINK(\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ArchiveFormat.csvField("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ArchiveFormat.csvField("-12.5")).isEqualTo("-12.5");
        assertThat(ArchiveFormat.csvField("-")).isEqualTo("'-");
    }

    @Test
    void fileNamesCannotLeaveTheirDirectory() {
        assertThat(ArchiveFormat.safeFileName("../../etc/passwd")).isEqualTo(".._.._etc_passwd");
        assertThat(ArchiveFormat.safeFileName("..")).isEqualTo("file");
        assertThat(ArchiveFormat.safeFileName("")).isEqualTo("file");
        assertThat(ArchiveFormat.safeFileName(null)).isEqualTo("file");
        assertThat(ArchiveFormat.safeFileName("C:\\x\u0000y.pdf")).isEqualTo("C__x_y.pdf");
        assertThat(ArchiveFormat.safeFileName("进度材料.pdf")).isEqualTo("进度材料.pdf");
        assertThat(ArchiveFormat.safeFileName("a".repeat(5000))).hasSize(100);
    }
}
