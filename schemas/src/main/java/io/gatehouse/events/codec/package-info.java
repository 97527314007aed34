/**
 * How events become bytes and back: Avro single-object encoding with the writer schema resolved from the
 * catalog of released versions, wrapped as the one Kafka serializer/deserializer pair every service uses.
 */
package io.gatehouse.events.codec;
