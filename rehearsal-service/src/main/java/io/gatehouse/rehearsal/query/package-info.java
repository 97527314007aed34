/** The read side of releases over HTTP: one release with its decision, gates, approvals, waivers and results; pages of releases. */
package io.gatehouse.rehearsal.query;
