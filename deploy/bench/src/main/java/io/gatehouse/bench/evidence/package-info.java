/** Phase 6, evidence during the storm: ledger appends per second and evidence-service's lag after it. */
package io.gatehouse.bench.evidence;
