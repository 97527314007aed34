package io.gatehouse.events.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    private final CloudEvent event = new CloudEvent("id-1", "/gatehouse/incident-service",
            "io.gatehouse.events.IncidentOpened", "inc-1", Instant.parse("2026-11-21T14:00:37.019Z"));

    @Test
    void attributesTravelAsBinaryModeHeaders() {
        RecordHeaders headers = new RecordHeaders();
        event.writeTo(headers);

        assertThat(new String(headers.lastHeader("ce_specversion").value())).isEqualTo("1.0");
        assertThat(new String(headers.lastHeader("ce_time").value())).isEqualTo("2026-11-21T14:00:37.019Z");
        assertThat(new String(headers.lastHeader("content-type").value())).isEqualTo("application/avro");
        assertThat(CloudEvent.readFrom(headers)).isEqualTo(event);
    }

    @Test
    void aMissingAttributeIsNamed() {
        RecordHeaders headers = new RecordHeaders();
        event.writeTo(headers);
        headers.remove("ce_subject");

        assertThatThrownBy(() -> CloudEvent.readFrom(headers)).hasMessageContaining("ce_subject");
    }

    @Test
    void derivedIdsAreStablePerCause() {
        assertThat(CloudEvent.deriveId("alerts.inbound", "0", "42", "1"))
                .isEqualTo(CloudEvent.deriveId("alerts.inbound", "0", "42", "1"))
                .isNotEqualTo(CloudEvent.deriveId("alerts.inbound", "0", "42", "2"));
    }
}
