/**
 * What every consumer shares. {@link io.gatehouse.messaging.ConsumerFailurePolicy} applies a record's unit of work,
 * waits out an outage of a {@link io.gatehouse.messaging.Dependency} (PostgreSQL, the Kafka broker) however long it
 * lasts, and lets a record reach its dead-letter topic only when it can never be applied;
 * {@link io.gatehouse.messaging.ConsumersReadiness} says DOWN while a consumer waits. The services with a database
 * publish through the outbox and consume exactly once through {@code io.gatehouse.messaging.outbox}.
 */
package io.gatehouse.messaging;
