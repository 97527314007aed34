/**
 * Protocol 14's evidence of a release: each artifact declared once in {@link
 * io.gatehouse.evidence.release.ReleaseArtifacts} and written from the release's events alone (its pipeline results
 * on gatehouse.rehearsals, rehearsal-service's facts on gatehouse.releases), superseded results kept beside the ones
 * that superseded them.
 */
package io.gatehouse.evidence.release;
