/**
 * JUnit XML test reports of any runner (Maven Surefire, pytest, go-junit-report, jest-junit, PHPUnit, TestNG): counts
 * recomputed from the test cases themselves, and what the report claimed otherwise kept as warnings.
 */
package io.gatehouse.intake.results.junit;
