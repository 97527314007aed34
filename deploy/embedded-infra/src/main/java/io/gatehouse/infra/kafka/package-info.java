/** Starts the project's single-node KRaft Kafka broker as a child process, for tests and the local launcher. */
package io.gatehouse.infra.kafka;
