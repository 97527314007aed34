package io.gatehouse.evidence.retention;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;

/** The retention job's clock in tests: the system clock until a test sets the date the job runs at. */
@Alternative
@Priority(1)
@ApplicationScoped
public class SettableRetentionClock extends RetentionClock {

    private volatile Instant now;

    @Override
    public Instant instant() {
        Instant set = now;
        return set != null ? set : super.instant();
    }

    public void set(Instant at) {
        now = at;
    }

    public void reset() {
        now = null;
    }
}
