/** A run's results: the JSON whose field names are the contract, and the Markdown table beside the targets. */
package io.gatehouse.bench.report;
