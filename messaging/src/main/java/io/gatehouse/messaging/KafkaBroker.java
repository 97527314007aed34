package io.gatehouse.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.RetriableException;

/** The Kafka broker every service reads from and writes to; the dead-letter topics live on it too. */
@ApplicationScoped
public class KafkaBroker implements Dependency {

    private final Map<String, Object> adminConfig = new HashMap<>();
    private Admin admin;

    KafkaBroker(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        // The same broker and security settings as the channels; consumer- and producer-only keys do not apply here.
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                adminConfig.put(key, value);
            }
        });
    }

    @Override
    public String name() {
        return "the Kafka broker";
    }

    @Override
    public synchronized Optional<String> unavailability(Duration timeout) {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            return Optional.of("no answer within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while asking it");
        }
    }

    @Override
    public boolean explains(Throwable failure) {
        // Kafka marks what goes away by itself (timeouts, lost leaders, network errors) as retriable.
        return Dependency.causes(failure).anyMatch(RetriableException.class::isInstance);
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
    }
}
