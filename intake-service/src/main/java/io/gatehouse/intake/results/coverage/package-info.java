/**
 * Coverage reports: JaCoCo and Cobertura XML, told apart by their root element, summed over the whole report for the
 * configured counter. A report that measured nothing (no units, or Cobertura's {@code NaN}) has no ratio: not
 * evaluated, never 0.
 */
package io.gatehouse.intake.results.coverage;
