package io.gatehouse.audit.log;

/** Where a record is in the log. */
public record Address(String topic, int partition, long offset) {

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset;
    }
}
