package io.gatehouse.audit.bench;

import io.gatehouse.audit.log.Address;
import io.gatehouse.events.cloudevents.CloudEvent;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes a synthetic log to a broker, batching sends as a busy producer would; every record acknowledged by all replicas. */
public final class KafkaLogWriter implements LogWriter, AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private volatile Exception failure;

    public KafkaLogWriter(String bootstrapServers) {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "gatehouse-audit-bench");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public CompletableFuture<Address> write(String topic, CloudEvent attributes, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, attributes.subject(), value);
        attributes.writeTo(record.headers());
        CompletableFuture<Address> written = new CompletableFuture<>();
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                this.failure = failure;
                written.completeExceptionally(failure);
            } else {
                written.complete(new Address(metadata.topic(), metadata.partition(), metadata.offset()));
            }
        });
        return written;
    }

    /** @throws IllegalStateException when a write failed: a synthetic log with a hole in it measures nothing */
    @Override
    public void flush() {
        producer.flush();
        if (failure != null) {
            throw new IllegalStateException("the broker did not take a record of the synthetic log: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
