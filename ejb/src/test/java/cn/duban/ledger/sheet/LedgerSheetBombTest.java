package cn.duban.ledger.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.platform.office.ForkedRead;
import cn.duban.platform.office.Workbooks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A ledger "workbook bomb": 7 MB holding 600,000 rows. Read as a whole workbook it needed well over
 * a gigabyte of heap (one upload by any unit reporter stopped the server for every district); read
 * streaming it is refused at row 20,001 in a 64 MB JVM.
 */
class LedgerSheetBombTest {

    @Test
    void aSheetOf600000RowsIsRefusedInASmallHeap() throws Exception {
        byte[] bomb = Workbooks.ledgerBomb(600_000);
        assertThat(bomb.length).isBetween(5_000_000, 10 * 1024 * 1024); // within the import's 10 MB
        Path file = Files.createTempFile("ledger-bomb", ".xlsx");
        try {
            Files.write(file, bomb);
            ForkedRead.Outcome outcome = ForkedRead.run("64m", 180, "ledger", file.toString());
            System.out.println(
                    "ledger bomb ("
                            + bomb.length
                            + " bytes) in a 64 MB JVM: "
                            + outcome.output().strip()
                            + " after "
                            + outcome.millis()
                            + " ms");
            assertThat(outcome.output()).contains("REFUSED ledger.import.too-many-rows");
            assertThat(outcome.exit()).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
