package io.gatehouse.audit.bench;

import io.gatehouse.audit.log.Address;
import io.gatehouse.events.cloudevents.CloudEvent;
import java.util.concurrent.CompletableFuture;

/** Where a synthetic log is written: a scratch broker, or a test's memory. Every record is keyed by its subject. */
public interface LogWriter {

    /** Writes an event in Kafka binary mode; completes with where the log put it. */
    CompletableFuture<Address> write(String topic, CloudEvent attributes, byte[] value);

    /** Returns once everything written so far is in the log. */
    void flush();
}
