/**
 * The declared Gatehouse topics ({@code io.gatehouse.topics}) on a live broker: created and brought back to their
 * declared configuration when the local broker starts, and checked by the launcher and the tests.
 */
package io.gatehouse.broker.topics;
