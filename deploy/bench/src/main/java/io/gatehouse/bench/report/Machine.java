package io.gatehouse.bench.report;

/** Where the figures were measured: the machine's cores, the JVM, the commit, and when (ISO-8601, UTC). */
public record Machine(int cores, String javaVersion, String gitCommit, String date) {
}
