package io.gatehouse.incident.messaging;

import io.gatehouse.errors.ErrorReport;

/**
 * A consumed record that decoded but is not an event this service can apply; thrown, it sends the record to the
 * dead-letter topic. (Records that do not decode at all never reach the consumer: the deserializer's failure
 * sends them there.)
 */
public class UnusableEvent extends RuntimeException {

    public UnusableEvent(String topic, String context) {
        super(ErrorReport.unusableRecord(topic, context).oneLine());
    }
}
