/** CloudEvents attributes of Gatehouse events in Kafka binary mode ({@code ce_*} headers). */
package io.gatehouse.events.cloudevents;
