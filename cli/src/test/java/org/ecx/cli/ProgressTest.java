package org.ecx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void withoutATerminalTheBarIsPrintedAtTheStartAndOncePerTenth() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "parties", 1000, false);
        for (int i = 0; i < 1000; i++) {
            progress.advance(1);
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).contains("  0% 1/1,000");
        assertThat(lines[lines.length - 1]).isEqualTo("[" + "#".repeat(30) + "] 100% 1,000/1,000 parties");
        assertThat(lines[5]).startsWith("[###############               ]  50%");
    }
}
