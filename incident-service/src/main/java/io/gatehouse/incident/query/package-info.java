/** The read side of incidents over HTTP. */
package io.gatehouse.incident.query;
