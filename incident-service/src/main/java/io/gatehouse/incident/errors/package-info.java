/** How incident-service refuses: not found, not allowed now (with what is missing), not authenticated, not permitted. */
package io.gatehouse.incident.errors;
