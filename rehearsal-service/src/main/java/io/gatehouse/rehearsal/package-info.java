/**
 * rehearsal-service: protocol 14, release readiness. For now it only starts, owns its database schema and
 * reports itself ready once PostgreSQL and the Kafka broker answer; the gates come with protocol 14.
 */
package io.gatehouse.rehearsal;
