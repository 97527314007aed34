package io.gatehouse.bench.intake;

/**
 * Intake: {@code alerts} raw payloads produced onto alerts.inbound, {@code received} of them seen as AlertReceived on
 * gatehouse.alerts, {@code seconds} from the first produce to the last one seen; {@code completed} when all were.
 */
public record IntakeResult(long alerts, long received, double seconds, boolean completed) {

    public double perSec() {
        return received / seconds;
    }
}
