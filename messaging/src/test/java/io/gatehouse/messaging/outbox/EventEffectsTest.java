package io.gatehouse.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.events.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventEffectsTest {

    private static final CloudEvent EVENT = new CloudEvent("e-1", "/gatehouse/test", RollbackExecuted.class.getName(), "inc-1",
            Instant.parse("2026-11-21T10:00:00Z"));

    private final List<String> applied = new ArrayList<>();
    private final EventEffects effects = EventEffects
            .once(RollbackExecuted.class, (event, executed) -> applied.add("rollback executed " + event.id()))
            .orOnce(MitigationExecuted.class, (event, executed) -> applied.add("mitigation executed " + event.id()))
            .orOutsideTransaction(RollbackRequested.class, (event, requested) -> applied.add("rollback requested " + event.id()));

    @Test
    void theEffectIsChosenByTheEventsTypeAndRunsOnlyWhenApplied() {
        EventEffects.Case<?> chosen = effects.caseFor(new MitigationExecuted()).orElseThrow();
        assertThat(applied).isEmpty();

        chosen.applying(EVENT, new MitigationExecuted()).run();

        assertThat(chosen.mode()).isEqualTo(EventEffects.Mode.ONCE);
        assertThat(applied).containsExactly("mitigation executed e-1");
    }

    @Test
    void aCommandRunsOutsideTheConsumersTransaction() {
        assertThat(effects.caseFor(new RollbackRequested()).orElseThrow().mode()).isEqualTo(EventEffects.Mode.OUTSIDE_TRANSACTION);
    }

    @Test
    void aTypeTheConsumerDoesNotTakeHasNoEffectAndTheReasonNamesWhatItTakes() {
        EventEffects alertsOnly = EventEffects.once(RollbackExecuted.class, (event, executed) -> applied.add("x"));

        assertThat(alertsOnly.caseFor(new MitigationExecuted())).isEmpty();
        assertThat(alertsOnly.othersIgnored()).isFalse();
        assertThat(alertsOnly.expected()).isEqualTo("RollbackExecuted");
        assertThat(effects.expected()).isEqualTo("RollbackExecuted, MitigationExecuted or RollbackRequested");
    }

    @Test
    void otherTypesCanBeDeclaredNotForThisConsumer() {
        EventEffects rehearsalsOnly = EventEffects.once(RollbackExecuted.class, (event, executed) -> applied.add("x")).otherTypesIgnored();

        assertThat(rehearsalsOnly.caseFor(new MitigationExecuted())).isEmpty();
        assertThat(rehearsalsOnly.othersIgnored()).isTrue();
        assertThat(rehearsalsOnly.caseFor(new RollbackExecuted())).isPresent();
    }
}
