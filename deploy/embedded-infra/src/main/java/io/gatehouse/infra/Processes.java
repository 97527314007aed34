package io.gatehouse.infra;

import java.util.concurrent.TimeUnit;

/** Stopping child processes politely first. */
public final class Processes {

    private Processes() {
    }

    /** Asks the process to stop (SIGTERM), and kills it when it has not stopped after 20 seconds. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
