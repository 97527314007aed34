/**
 * {@code bench}: measures the tools on a synthetic log written to a scratch broker: well-formed domain events, the
 * ledger's sequence of them, checkpoints and seals signed with a throwaway key, and a stand-in for evidence-service's
 * ledger endpoints. The tests write their logs with the same code.
 */
package io.gatehouse.audit.bench;
