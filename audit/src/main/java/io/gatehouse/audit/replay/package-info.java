/**
 * {@code replay}: the whole log into an empty private store. Every seal evidence-service published is sealed again from
 * the events the log holds and compared file by file; final points without a seal yet are reported as lag.
 */
package io.gatehouse.audit.replay;
