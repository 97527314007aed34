/**
 * Pipelines register releases (role {@code pipeline}): once per release id, the policy's defaults filling in what the
 * registration leaves out; the results that arrived before are evaluated at registration.
 */
package io.gatehouse.rehearsal.registration;
