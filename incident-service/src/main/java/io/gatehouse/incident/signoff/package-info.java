/**
 * Reviewer sign-off after resolution: the incident commander reviews the resolution, a performance engineer the
 * recovery validation, each approving or rejecting with a rationale (ResolutionReviewed).
 */
package io.gatehouse.incident.signoff;
