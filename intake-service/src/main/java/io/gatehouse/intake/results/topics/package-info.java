/**
 * The Kafka topics raw pipeline results travel on, rehearsals.inbound and its dead-letter topic, made to accept
 * records as large as the largest result intake-service takes, and the readiness check that says whether they do.
 */
package io.gatehouse.intake.results.topics;
