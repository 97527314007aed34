/**
 * From raw payloads to typed events: the consumer of alerts.inbound, format detection, and one normalizer
 * per external format, each a pure function that tests can call without Kafka.
 */
package io.gatehouse.intake.normalize;
