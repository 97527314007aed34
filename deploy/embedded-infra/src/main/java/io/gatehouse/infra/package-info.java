/**
 * The infrastructure Gatehouse runs on when no external one is configured: {@code kafka} starts the
 * project's own Kafka broker as a child process, {@code postgres} an embedded PostgreSQL. The local launcher
 * and the tests of every service use the same classes; no Docker is involved anywhere.
 */
package io.gatehouse.infra;
