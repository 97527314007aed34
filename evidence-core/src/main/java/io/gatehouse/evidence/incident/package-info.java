/**
 * Protocol 17's evidence of an incident: each artifact declared once in {@link
 * io.gatehouse.evidence.incident.IncidentArtifacts} and written from the incident's events alone, the report and the
 * traceability matrix from the plan too.
 */
package io.gatehouse.evidence.incident;
