package io.gatehouse.bench.stack;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The first record a bench producer could not send. The producer's callback runs on its I/O thread, where throwing
 * would only be logged: it is kept here, and {@link #check()} fails the phase once the producer is flushed, since a
 * lost record would make the phase's rate a lie.
 */
public final class SendFailures implements Callback {

    private final AtomicReference<Exception> first = new AtomicReference<>();

    @Override
    public void onCompletion(RecordMetadata metadata, Exception error) {
        if (error != null) {
            first.compareAndSet(null, error);
        }
    }

    /** @throws IllegalStateException when a send failed */
    public void check() {
        Exception error = first.get();
        if (error != null) {
            throw new IllegalStateException("the broker refused a bench record: " + error, error);
        }
    }
}
