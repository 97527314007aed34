/**
 * Phase 1 detection: alerts from gatehouse.alerts open incidents or join the open one of their group, resolved
 * alerts update them, and repeated deliveries change nothing. The incident and its alerts are the state here.
 */
package io.gatehouse.incident.detection;
