/**
 * Phase 1 detection: alerts from gatehouse.alerts open incidents or join the open one of their group, resolved
 * alerts update them, repeated deliveries change nothing, and a classification after the severity was settled is a
 * proposal that asks for consensus again. The state is the incident aggregate of the service's root package.
 */
package io.gatehouse.incident.detection;
