package io.gatehouse.intake.normalize;

import io.gatehouse.events.AlertReceived;
import java.util.List;
import java.util.function.Function;

/**
 * A raw payload that was read and checked: how many alerts it holds, the key to store it under on
 * alerts.inbound, and how to turn it into events once it has a position there.
 */
public record ParsedPayload(int alertCount, String key, Function<InboundRecord, List<AlertReceived>> toEvents) {

    public List<AlertReceived> normalize(InboundRecord origin) {
        return toEvents.apply(origin);
    }
}
