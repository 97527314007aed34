package io.gatehouse.audit.log;

import java.io.PrintStream;
import java.util.Locale;

/** Shows a read's progress about once a second: how many of the total were read, the rate and the time left. */
public final class ConsoleProgress implements ReadProgress {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final String what;
    private final long started = System.nanoTime();
    private long lastShown = started;
    private long read;
    private long total;

    /** @param what what is read, in the plural: "records", "live entries" */
    public ConsoleProgress(PrintStream out, String what) {
        this.out = out;
        this.what = what;
    }

    @Override
    public void read(long recordsRead, long recordsTotal) {
        read = recordsRead;
        total = recordsTotal;
        long now = System.nanoTime();
        if (now - lastShown >= INTERVAL_NANOS) {
            lastShown = now;
            out.println(line(now));
        }
    }

    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private double rate(long now) {
        double seconds = (now - started) / 1e9;
        return seconds > 0 ? read / seconds : 0;
    }

    private String line(long now) {
        double rate = rate(now);
        String left = rate > 0 ? String.format(Locale.ROOT, "about %.0f s left", (total - read) / rate) : "time left unknown";
        return String.format(Locale.ROOT, "read %,d of %,d %s (%.0f %%), %,.0f %s/s, %s",
                read, total, what, total == 0 ? 100.0 : 100.0 * read / total, rate, what, left);
    }
}
