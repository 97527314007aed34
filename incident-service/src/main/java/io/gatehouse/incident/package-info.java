/**
 * The incident aggregate, where incident-service's state lives: {@link io.gatehouse.incident.Incident} with its alerts
 * and its {@link io.gatehouse.incident.Mitigation}. They change only through methods that say what happens; the
 * feature packages (detection, consensus, notification, mitigation, execution, resolution, review) call them, and every
 * unit of work that changes an incident takes its row lock first.
 */
package io.gatehouse.incident;
