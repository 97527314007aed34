/**
 * Reading documents that pipelines and their tools wrote, without trusting them: XML with no DTD or entity ever
 * loaded or expanded, JSON and YAML with duplicate keys refused, and typed field access whose refusals say which
 * field is wrong and how. Every parser of pipeline results builds on this package; it knows none of them.
 */
package io.gatehouse.intake.results.parsing;
