package io.gatehouse.incident;

import io.gatehouse.messaging.outbox.Outbox;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * The outbox, with a way for a test to stop one unit of work in the middle of its transaction: every writer appends
 * its event after it read (and locked) the incident and changed it, and before it commits, so pausing that append
 * holds the writer exactly where a concurrent writer would interleave. Passes everything through when nothing is armed.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class PausableOutbox extends Outbox {

    /** One armed pause: the first append that matches stops until the test releases it. */
    public static final class Pause {

        private final BiPredicate<String, SpecificRecord> matches;
        private final AtomicBoolean taken = new AtomicBoolean();
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Pause(BiPredicate<String, SpecificRecord> matches) {
            this.matches = matches;
        }

        /** Waits until a writer is stopped inside its transaction. */
        public void awaitReached(Duration atMost) throws InterruptedException {
            if (!reached.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no writer reached the pause within " + atMost);
            }
        }

        /** Lets the stopped writer go on to commit. */
        public void release() {
            released.countDown();
        }

        private void holdIfMatching(String subject, SpecificRecord event) {
            if (matches.test(subject, event) && taken.compareAndSet(false, true)) {
                reached.countDown();
                try {
                    if (!released.await(2, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("a paused writer was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static volatile Pause armed;

    /** Stops the first writer that appends an event of {@code type} about {@code subject}. */
    public static Pause pauseBefore(Class<? extends SpecificRecord> type, String subject) {
        Pause pause = new Pause((s, event) -> subject.equals(s) && type.isInstance(event));
        armed = pause;
        return pause;
    }

    /** Stops nothing any more. */
    public static void disarm() {
        Pause pause = armed;
        armed = null;
        if (pause != null) {
            pause.release();
        }
    }

    @Override
    public String append(String topic, String subject, SpecificRecord event, String causeEventId, Instant time) {
        Pause pause = armed;
        if (pause != null) {
            pause.holdIfMatching(subject, event);
        }
        return super.append(topic, subject, event, causeEventId, time);
    }
}
