package io.gatehouse.intake.results.coverage;

/**
 * What a coverage ratio counts, in JaCoCo's terms ({@code gatehouse.intake.coverage.counter}). Cobertura reports
 * measure only lines and branches; for any other counter their lines are measured, and the summary says so.
 */
public enum CoverageCounter {
    INSTRUCTION, BRANCH, LINE, COMPLEXITY, METHOD, CLASS
}
