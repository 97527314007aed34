/**
 * Staging parity: how far staging's configuration is from production's, key by key, ignoring the keys expected to
 * differ and never reading a secret's value. Pure code, no framework.
 */
package io.gatehouse.rehearsal.drift;
