package io.gatehouse.bench.raw;

/**
 * The raw pass-through: {@code records} of about 1 KB copied from one topic to another by a plain consumer and
 * producer in {@code seconds}; {@code producePerSec} is how fast the bench produced them in the first place.
 */
public record RawResult(long records, double producePerSec, double seconds) {

    public double passThroughPerSec() {
        return records / seconds;
    }
}
