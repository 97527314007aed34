/**
 * The endpoints pipelines post a release's results to, one per kind, for the role {@code pipeline} only: a result is
 * parsed at once (400 when it cannot be), then stored byte for byte on rehearsals.inbound before the answer.
 */
package io.gatehouse.intake.results.http;
