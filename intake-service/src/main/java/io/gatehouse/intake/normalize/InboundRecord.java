package io.gatehouse.intake.normalize;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Where a raw payload sits on alerts.inbound, and when the broker stored it: the origin of every alert in it. */
public record InboundRecord(String topic, int partition, long offset, Instant timestamp) {

    public String coordinates() {
        return topic + "/" + partition + "/" + offset;
    }

    /** When Gatehouse accepted the payload, to the millisecond of event times. */
    public Instant receivedAt() {
        return timestamp.truncatedTo(ChronoUnit.MILLIS);
    }
}
