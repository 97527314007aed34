/** Per-subject manifests of the evidence in the ledger. */
package io.gatehouse.evidence.manifest;
