/** What the bench prints while it runs. */
package io.gatehouse.bench.console;
