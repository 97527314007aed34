/** The pure arithmetic of the bench's figures: latency percentiles and storm apply rates. */
package io.gatehouse.bench.stats;
