package org.ecx.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr ({@code [#####     ]  52% 1,040/2,000 parties}), redrawn in place on a
 * terminal and printed every tenth of the way (and at the end) otherwise, so that logs stay short.
 */
final class Progress {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String unit;
    private final long total;
    private final boolean terminal;
    private long done;
    private int lastTenth = -1;

    Progress(PrintStream out, String unit, long total) {
        this(out, unit, total, System.console() != null);
    }

    Progress(PrintStream out, String unit, long total, boolean terminal) {
        this.out = out;
        this.unit = unit;
        this.total = Math.max(total, 0);
        this.terminal = terminal;
    }

    void advance(long by) {
        done = Math.min(total, done + by);
        int tenth = total == 0 ? 10 : (int) (done * 10 / total);
        if (terminal) {
            out.print("\r" + line());
            if (done == total) {
                out.println();
            }
        } else if (tenth != lastTenth) {
            out.println(line());
        }
        lastTenth = tenth;
        out.flush();
    }

    String line() {
        int filled = total == 0 ? WIDTH : (int) (done * WIDTH / total);
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        return String.format(Locale.ROOT, "[%s%s] %3d%% %,d/%,d %s", "#".repeat(filled), " ".repeat(WIDTH - filled),
                percent, done, total, unit);
    }
}
