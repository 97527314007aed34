/**
 * The one declaration of every Gatehouse Kafka topic and its configuration. Plain Java without dependencies, so the
 * broker assembly, which must not see the services' Kafka version, reads the same declaration as the services' tests.
 */
package io.gatehouse.topics;
