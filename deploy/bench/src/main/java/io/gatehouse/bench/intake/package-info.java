/** Phase 2, intake: raw payloads onto alerts.inbound, AlertReceived counted on gatehouse.alerts. */
package io.gatehouse.bench.intake;
