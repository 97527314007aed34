package io.gatehouse.bench.console;

import java.time.Duration;

/**
 * A progress line at most every two seconds, so that a long phase visibly moves: callers report as often as they
 * like, a line is printed only when two seconds have passed since the last one.
 */
public final class Progress {

    private static final long INTERVAL_NANOS = Duration.ofSeconds(2).toNanos();

    private final String phase;
    private final long started = System.nanoTime();
    private long lastPrinted = started;

    public Progress(String phase) {
        this.phase = phase;
    }

    /** Prints {@code status} if two seconds passed since the last line. */
    public synchronized void report(String status) {
        long now = System.nanoTime();
        if (now - lastPrinted >= INTERVAL_NANOS) {
            lastPrinted = now;
            say(status);
        }
    }

    /** Prints {@code status} now. */
    public synchronized void say(String status) {
        System.out.printf("  [%s %5.1f s] %s%n", phase, (System.nanoTime() - started) / 1e9, status);
        System.out.flush();
    }

    public static String count(long n) {
        return String.format("%,d", n);
    }
}
