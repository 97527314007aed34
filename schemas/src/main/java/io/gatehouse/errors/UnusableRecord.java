package io.gatehouse.errors;

/**
 * A consumed record that decoded but is not an event the consumer can apply; thrown from a consumer, it sends the
 * record to the consumer's dead-letter topic with the error shape as the reason, and is never retried. (Records
 * that do not decode at all never reach a consumer: the deserializer's failure sends them there.)
 */
public class UnusableRecord extends RuntimeException {

    public UnusableRecord(String topic, String context) {
        super(ErrorReport.unusableRecord(topic, context).oneLine());
    }
}
