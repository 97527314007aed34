/**
 * The stack under test as the bench sees it from outside: addresses, Kafka client settings, and the services'
 * consumer groups with their lag, which tells when the stack has worked off what a phase sent.
 */
package io.gatehouse.bench.stack;
