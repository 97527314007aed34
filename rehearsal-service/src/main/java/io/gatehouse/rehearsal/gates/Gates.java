package io.gatehouse.rehearsal.gates;

import io.gatehouse.rehearsal.policy.ReleasePolicy;
import java.time.Instant;

/** Protocol 14's four gates by number. */
public final class Gates {

    public static final int FIRST = 1;
    public static final int LAST = 4;

    private Gates() {
    }

    /** Evaluates gate {@code gate} (1 to 4) on {@code inputs} at {@code at}. */
    public static GateVerdict evaluate(int gate, ReleaseInputs inputs, ReleasePolicy policy, Instant at) {
        return switch (gate) {
            case IntakeConfirmationGate.NUMBER -> IntakeConfirmationGate.evaluate(inputs, policy, at);
            case DeploymentRehearsalGate.NUMBER -> DeploymentRehearsalGate.evaluate(inputs, policy);
            case RollbackSecurityGate.NUMBER -> RollbackSecurityGate.evaluate(inputs, policy, at);
            case ReadinessApprovalGate.NUMBER -> ReadinessApprovalGate.evaluate(inputs, policy, at);
            default -> throw new IllegalArgumentException("protocol 14 has gates 1 to 4, not " + gate);
        };
    }

    /** The name of gate {@code gate} (1 to 4). */
    public static String nameOf(int gate) {
        return switch (gate) {
            case IntakeConfirmationGate.NUMBER -> IntakeConfirmationGate.NAME;
            case DeploymentRehearsalGate.NUMBER -> DeploymentRehearsalGate.NAME;
            case RollbackSecurityGate.NUMBER -> RollbackSecurityGate.NAME;
            case ReadinessApprovalGate.NUMBER -> ReadinessApprovalGate.NAME;
            default -> throw new IllegalArgumentException("protocol 14 has gates 1 to 4, not " + gate);
        };
    }
}
