package io.gatehouse.evidence.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The time the retention job acts at: the system clock; a test replaces this bean to run the job at any date. Only
 * retention reads it (hence {@code @Typed}): evidence takes its times from the events.
 */
@ApplicationScoped
@Typed(RetentionClock.class)
public class RetentionClock implements InstantSource {

    @Override
    public Instant instant() {
        return Instant.now();
    }
}
