/** {@code verify-bundle}: one sealed bundle checked offline, with nothing but its bytes and the log's public key. */
package io.gatehouse.audit.bundle;
