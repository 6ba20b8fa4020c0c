package org.ecx.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11, finding 5: formula cells are written as text and read back unchanged. */
class CsvCellsTest {

    @ParameterizedTest(name = "\"{0}\" is written with a leading apostrophe")
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=1+1", "'"})
    void aCellThatASpreadsheetWouldRunIsNeutralisedAndRestored(String cell) {
        assertThat(CsvCells.neutralise(cell)).isEqualTo("'" + cell);
        assertThat(CsvCells.restore(CsvCells.neutralise(cell))).isEqualTo(cell);
    }

    @ParameterizedTest(name = "\"{0}\" is written as is")
    @ValueSource(strings = {"3A001", "Circuits - radiation hardened", "a=b", "", "x'"})
    void anOrdinaryCellIsUnchanged(String cell) {
        assertThat(CsvCells.neutralise(cell)).isEqualTo(cell);
        assertThat(CsvCells.restore(cell)).isEqualTo(cell);
    }
}
