/**
 * gatehouse-audit, the auditor's tool: its command line. Each command lives in a package of its own ({@code replay},
 * {@code verify}, {@code bundle}, {@code bench}) over the log as read from Kafka ({@code log}), the ledger rebuilt from
 * it ({@code ledger}) and the live service's endpoints ({@code live}).
 */
package io.gatehouse.audit;
