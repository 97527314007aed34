/** Phase 4, alert to severity: latency from a fixed-rate post to its incident's SeverityClassified on Kafka. */
package io.gatehouse.bench.latency;
