/**
 * Reading the event log: every record of the topics an audit needs, from each partition's first offset up to its end
 * as it was when the audit started, with assign and seek only (no consumer group, no commit, nothing written).
 */
package io.gatehouse.audit.log;
