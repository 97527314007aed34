/** Input Gatehouse refuses, and how the refusal reaches the sender: a 400 over HTTP, a dead letter on Kafka. */
package io.gatehouse.intake.rejection;
