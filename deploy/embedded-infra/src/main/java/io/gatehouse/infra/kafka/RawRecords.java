package io.gatehouse.infra.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records straight to a topic in a test, as an outside producer (kcat, a bridge) would. */
public final class RawRecords {

    private RawRecords() {
    }

    /** Sends one record with text headers and waits for the broker's acknowledgement. */
    public static RecordMetadata send(String bootstrapServers, String topic, String key, Map<String, String> headers, byte[] value) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
        return send(bootstrapServers, topic, key, recordHeaders, value);
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static RecordMetadata send(String bootstrapServers, String topic, String key, Headers headers, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic, e);
        }
    }
}
