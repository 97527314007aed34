package io.gatehouse.audit.report;

/**
 * One way the live system differs from what the log says it should be.
 *
 * @param where what differs, as an auditor looks it up: {@code leaf 17}, {@code checkpoint of size 120},
 *     {@code seal 2 of inc-42}
 * @param what what the log says against what was found, in words
 */
public record Difference(String where, String what) {

    @Override
    public String toString() {
        return where + ": " + what;
    }
}
