/**
 * What a pipeline reports of the rehearsal on staging, as JSON: the deployment and rollback runs (steps, times,
 * errors, the log), the staging data refresh before them and the observability baseline after.
 */
package io.gatehouse.intake.results.rehearsal;
