package io.gatehouse.bench.footprint;

/** A service's start time, resident memory at rest before any load, and the most it held while the phases ran. */
public record ServiceFootprint(String name, double startSeconds, Double rssMiBIdle, Double rssMiBPeak) {
}
