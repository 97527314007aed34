package io.gatehouse.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How {@link ConsumerFailurePolicy} retries: {@code gatehouse.messaging.retry.*}. */
@ConfigMapping(prefix = "gatehouse.messaging.retry")
public interface RetrySettings {

    /** The pause after a record's first failed attempt; it doubles with each further one, up to {@link #maxDelay()}. */
    @WithDefault("500ms")
    Duration firstDelay();

    /**
     * The longest pause between two attempts, however long an outage lasts: a record is applied at most this long
     * after its dependency is back.
     */
    @WithDefault("30s")
    Duration maxDelay();

    /**
     * Attempts that may fail in a row while every dependency answers before the record goes to the dead-letter topic.
     * Failures during an outage do not count.
     */
    @WithDefault("5")
    int attemptsWhileDependenciesAnswer();

    /** How long a dependency may take to answer before it counts as away. */
    @WithDefault("5s")
    Duration dependencyTimeout();
}
