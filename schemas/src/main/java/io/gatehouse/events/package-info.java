/**
 * The Gatehouse event contracts. Classes here are generated from the Avro schemas in {@code src/main/avro}
 * (the only place an event is defined); {@link io.gatehouse.events.Topics} names the topics they travel on.
 */
package io.gatehouse.events;
