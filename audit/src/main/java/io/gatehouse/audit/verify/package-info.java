/**
 * {@code verify}: the live ledger against the log. The live entries are compared with the leaves rebuilt from the log
 * and the first bad one is named with what happened to it; the live tree's tail is held against the latest checkpoint
 * signed on the log, and the live checkpoint's signature is checked.
 */
package io.gatehouse.audit.verify;
