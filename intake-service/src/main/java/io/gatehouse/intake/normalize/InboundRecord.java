package io.gatehouse.intake.normalize;

import java.time.Instant;

/** Where a raw payload sits on alerts.inbound, and when the broker stored it: the origin of every alert in it. */
public record InboundRecord(String topic, int partition, long offset, Instant timestamp) {

    public String coordinates() {
        return topic + "/" + partition + "/" + offset;
    }
}
