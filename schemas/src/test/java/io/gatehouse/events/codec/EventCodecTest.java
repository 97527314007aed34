package io.gatehouse.events.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.SeverityClassified;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final IncidentOpened OPENED = IncidentOpened.newBuilder()
            .setIncidentId("inc-1")
            .setGroupingKey("checkout/CheckoutHighErrorRate")
            .setService("checkout")
            .setAlertName("CheckoutHighErrorRate")
            .setTitle("Checkout 5xx error rate above threshold")
            .setOpenedAt(Instant.parse("2026-11-21T14:00:37.019Z"))
            .setOpeningAlertId("7e163a67800d46bf")
            .setOpeningEventId("e-1")
            .build();

    @Test
    void anEventSurvivesTheRoundTripThroughTheKafkaSerializerPair() {
        byte[] bytes = new EventSerializer().serialize("gatehouse.incidents", OPENED);

        assertThat(new EventDeserializer().deserialize("gatehouse.incidents", bytes)).isEqualTo(OPENED);
    }

    @Test
    void theSameEventAlwaysEncodesToTheSameBytes() {
        assertThat(EventCodec.encode(OPENED)).isEqualTo(EventCodec.encode(IncidentOpened.newBuilder(OPENED).build()));
    }

    @Test
    void decodingAsTheWrongTypeSaysWhatWasFound() {
        byte[] bytes = EventCodec.encode(OPENED);

        assertThatThrownBy(() -> EventCodec.decode(bytes, SeverityClassified.class))
                .isInstanceOf(EventCodecException.class)
                .hasMessageContaining("expected SeverityClassified but got IncidentOpened");
    }

    @Test
    void bytesWithoutTheSingleObjectMarkerAreRejectedAsASerializationFailure() {
        assertThatThrownBy(() -> new EventDeserializer().deserialize("gatehouse.alerts", "{\"json\":true}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("CRITICAL event on gatehouse.alerts: the record is not an Avro single-object encoded event")
                .hasMessageContaining("Resolution:");
    }

    @Test
    void anUnknownSchemaFingerprintIsRejected() {
        byte[] bytes = EventCodec.encode(OPENED);
        bytes[5] ^= 0x5A;

        assertThatThrownBy(() -> EventCodec.decode(bytes))
                .isInstanceOf(EventCodecException.class)
                .hasMessageContaining("unknown schema");
    }

    @Test
    void aTruncatedBodyIsRejected() {
        byte[] bytes = EventCodec.encode(OPENED);
        byte[] truncated = java.util.Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> EventCodec.decode(truncated))
                .isInstanceOf(EventCodecException.class)
                .hasMessageContaining("not a valid IncidentOpened v1");
    }
}
