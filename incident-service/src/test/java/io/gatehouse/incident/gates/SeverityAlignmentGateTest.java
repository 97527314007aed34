package io.gatehouse.incident.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.Severity;
import io.gatehouse.incident.gates.SeverityAlignmentGate.NotificationFacts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeverityAlignmentGateTest {

    private static final Duration LIMIT = Duration.ofMinutes(5);

    private static NotificationFacts delivered(String channel, long seconds) {
        return new NotificationFacts(channel, List.of("incident-commander", "sre-lead"), true, false, Duration.ofSeconds(seconds), null);
    }

    @Test
    void passesWithConsensusAndEveryNotificationDeliveredInTime() {
        GateVerdict verdict = SeverityAlignmentGate.evaluate(true, null, List.of(delivered("incident-bridge", 12), delivered("exec", 300)), LIMIT);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(verdict.unmetConditions()).isEmpty();
        assertThat(verdict.metrics()).containsEntry("notificationLatencySeconds", 300.0).containsEntry("consensusReached", 1.0)
                .containsEntry("notificationsDelivered", 2.0).containsEntry("stakeholdersNotified", 2.0);
        assertThat(verdict.thresholds()).containsEntry("notificationLatencySeconds", "<= 300");
    }

    @Test
    void failsWithoutTheIncidentCommandersConfirmation() {
        GateVerdict verdict = SeverityAlignmentGate.evaluate(false, null, List.of(delivered("incident-bridge", 12)), LIMIT);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(verdict.unmetConditions()).containsExactly("the incident commander has not confirmed the severity");
    }

    @Test
    void failsWhileAClassificationAfterSettlementAwaitsTheIncidentCommander() {
        GateVerdict verdict = SeverityAlignmentGate.evaluate(false, Severity.SEV_1, List.of(delivered("incident-bridge", 12)), LIMIT);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(verdict.unmetConditions()).containsExactly(
                "alerts now suggest SEV_1 since the severity was settled: the incident commander must confirm again");
    }

    @Test
    void failsWhenStakeholdersWereToldTooLateOrNotAtAll() {
        GateVerdict late = SeverityAlignmentGate.evaluate(true, null, List.of(delivered("incident-bridge", 301)), LIMIT);
        GateVerdict failed = SeverityAlignmentGate.evaluate(true, null,
                List.of(new NotificationFacts("team-alerts", List.of("responder"), false, true, Duration.ofSeconds(70), "HTTP 500")), LIMIT);
        GateVerdict pending = SeverityAlignmentGate.evaluate(true, null, List.of(new NotificationFacts("team-alerts", List.of("responder"), false, false, null, null)), LIMIT);

        assertThat(late.unmetConditions()).containsExactly("stakeholders were told after 301 s, more than 300 s");
        assertThat(failed.unmetConditions()).containsExactly("the notification on team-alerts failed: HTTP 500");
        assertThat(pending.unmetConditions()).containsExactly("the notification on team-alerts is not delivered yet");
        assertThat(List.of(late, failed, pending)).allSatisfy(v -> assertThat(v.outcome()).isEqualTo(GateOutcome.FAILED));
    }
}
