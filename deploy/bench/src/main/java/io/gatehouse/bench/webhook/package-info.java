/** Phase 3, the webhook: HTTP posts to intake-service's Alertmanager endpoint, requests per second and latency. */
package io.gatehouse.bench.webhook;
