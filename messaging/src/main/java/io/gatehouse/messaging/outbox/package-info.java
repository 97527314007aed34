/**
 * No lost and no doubled effects, for every service that publishes and consumes events (ADR 0003): the transactional
 * outbox ({@link io.gatehouse.messaging.outbox.Outbox}: state change and event in one transaction;
 * {@link io.gatehouse.messaging.outbox.OutboxRelay} publishing afterwards under a lease), the record of consumed event
 * ids ({@link io.gatehouse.messaging.outbox.ConsumedEvents}), and the consumer preamble
 * ({@link io.gatehouse.messaging.outbox.IncomingEvents}) that checks a record and applies its effect exactly once under
 * the failure policy. A service turns it on with {@code gatehouse.outbox.enabled=true}, names its CloudEvents source in
 * {@code gatehouse.outbox.source}, and creates the tables {@code outbox_event}, {@code outbox_relay_lease} and
 * {@code consumed_event} in its own schema.
 */
package io.gatehouse.messaging.outbox;
