/**
 * No lost and no doubled effects: the transactional outbox (state change and event in one transaction, a relay
 * publishing afterwards) and the record of consumed event ids (redeliveries change nothing).
 */
package io.gatehouse.incident.messaging;
