/**
 * The scheduled job that makes an expired approval or waiver stop counting at its expiry instant: the release is
 * re-evaluated as of that instant, and a GO that rested on it is revoked.
 */
package io.gatehouse.rehearsal.expiry;
