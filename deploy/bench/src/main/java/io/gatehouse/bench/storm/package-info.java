/**
 * Phase 5, the storms: many alerts over many grouping keys, then many into one, posted over HTTP and watched until
 * incident-service has applied them, counted read-only in PostgreSQL.
 */
package io.gatehouse.bench.storm;
