package io.gatehouse.messaging;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs a polling job (the outbox relay, the notification sender) on a thread of its own as soon as a transaction that
 * gave it work commits, instead of at its next poll; the poll stays as the fallback. A transaction that rolls back wakes
 * nothing, and wake-ups that come while one is queued are answered by that one.
 */
public final class WakeUpOnCommit {

    private static final Logger LOG = Logger.getLogger(WakeUpOnCommit.class);

    private final String name;
    private final Runnable job;
    /** The key under which a transaction remembers that it wakes the job: once per transaction, however often asked. */
    private final Object key = new Object();
    /** Whether a wake-up is queued and has not started yet. */
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService thread;

    public WakeUpOnCommit(String name, Runnable job) {
        this.name = name;
        this.job = job;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread daemon = new Thread(runnable, name);
            daemon.setDaemon(true);
            return daemon;
        });
    }

    /** Wakes the job when the current transaction commits. */
    public void afterCommit(TransactionSynchronizationRegistry transactions) {
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    now();
                }
            }
        });
    }

    /** Runs the job soon on its thread, unless a run is queued already. */
    public void now() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                // Reset first: work committed from here on wakes the job again, and work committed before is seen now.
                queued.set(false);
                try {
                    job.run();
                } catch (RuntimeException failure) {
                    // The work stays where it is: the next wake-up or the poll takes it.
                    LOG.warnf("%s failed (%s); it runs again at the next wake-up or poll", name, failure.toString());
                }
            });
        } catch (RejectedExecutionException stopping) {
            // The service is stopping: the work stays and is taken after the next start.
            queued.set(false);
        }
    }

    /** Stops the thread, when the service stops. */
    public void stop() {
        thread.shutdownNow();
    }
}
