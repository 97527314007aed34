/** Phase 1, the raw limit: a plain Kafka consumer-to-producer copy of the records intake is measured with. */
package io.gatehouse.bench.raw;
