package io.gatehouse.bench.stack;

/** The pause between two looks at the stack while a phase waits for it. */
public final class Pause {

    private Pause() {
    }

    /**
     * Sleeps {@code millis}; an interruption (Ctrl-C ends the bench) stops the phase instead of being swallowed.
     *
     * @throws IllegalStateException when interrupted
     */
    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
