/**
 * The ledger rebuilt from the log alone: the order gatehouse.ledger records, each leaf from the bytes of the domain
 * record it names, the RFC 6962 tree over them, and every signed checkpoint checked against that tree.
 */
package io.gatehouse.audit.ledger;
