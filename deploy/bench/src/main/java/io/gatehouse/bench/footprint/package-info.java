/** Phase 7, the footprint: each service's start time (measured by the launcher) and resident memory. */
package io.gatehouse.bench.footprint;
