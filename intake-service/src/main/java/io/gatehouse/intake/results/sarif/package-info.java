/**
 * SARIF 2.1.0 security scans from any scanner: each result's severity read the way GitHub code scanning and the SARIF
 * specification read it, counted by severity, with the blocking ones (above MEDIUM, not suppressed) listed.
 */
package io.gatehouse.intake.results.sarif;
